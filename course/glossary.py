"""The course glossary: every term and symbol of the lessons, in the learner's language.

Lesson 00 shows how to look a term up: ``glossary("α")``, ``glossary("learning rate")``
or ``glossary("taux d'apprentissage")`` all show the same entry, in the current language,
with its English name beside it. Every lesson lists the entries it uses in its header
(``course: {glossary: [...]}``), so each entry also says which lessons use it.
``render_markdown("fr")`` writes the whole glossary as one printable page.

Terms and definitions are English source messages (``N_``) translated by the course
catalogs, like every other sentence of the course.
"""

from __future__ import annotations

import difflib
import re
import unicodedata
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from . import i18n
from .files import LESSONS
from .i18n import LANGUAGES, N_, SOURCE_LANGUAGE, CourseError, _, get_language, normalize, set_language

# The lesson sources, whose headers list the entries each lesson uses: the checkout's lessons/src/, or the
# copy that the wheel carries (course/lessons/src/), the browser's wheel of the JupyterLite site included.
LESSONS_SRC = LESSONS / "src"


@dataclass(frozen=True)
class Entry:
    """One glossary entry: ``term`` and ``definition`` are English source messages."""

    id: str
    term: str
    definition: str
    symbol: str = ""  # LaTeX without dollars, e.g. "W^l" or "\alpha"
    related: tuple[str, ...] = ()  # ids of other entries
    # Other names a learner meets in other texts, comma-separated: a message, so that each
    # language lists its own (the Portuguese source text's "matriz de transição" for Θ^l…).
    also: str = ""


# Definitions use the course's notation: layers l = 1…n, one column per example,
# dW^l and db^l averaged over the m examples. Inline maths goes between $...$.
ENTRIES: tuple[Entry, ...] = (
    # --- The network (lessons 01 and 02) ---
    Entry(
        "neural_network",
        N_("neural network"),
        N_(
            "An artificial neural network is a model made of layers of neurons, each layer connected to the next by adjustable weights. It computes a prediction $\\hat{y} = a^n$ from an input $x = a^0$ and learns by changing its weights."
        ),
        related=("neuron", "layer", "weight", "multilayer_perceptron"),
    ),
    Entry(
        "neuron",
        N_("neuron"),
        also=N_("unit, node"),
        definition=N_(
            "The basic unit of a neural network: it adds up its inputs multiplied by weights, adds a bias, then applies an activation function to the result. Row $i$ of $W^l$ and of $b^l$ holds the weights and the bias of neuron $i$ of layer $l$."
        ),
        related=("layer", "weight", "bias", "activation_function"),
    ),
    Entry(
        "multilayer_perceptron",
        N_("multilayer perceptron"),
        N_(
            "A neural network made of fully connected layers, each computing $a^l = f^l(W^l a^{l-1} + b^l)$: the kind of network this course builds. It is often abbreviated MLP."
        ),
        related=("neural_network", "layer", "forward_propagation"),
    ),
    Entry(
        "layer",
        N_("layer"),
        N_(
            "A group of neurons that all work on the same input $a^{l-1}$ at the same time. Layers are numbered $l = 1, \\dots, n$ and layer $l$ has $n^l$ neurons; index $0$ is the input $a^0 = x$, not a layer of neurons."
        ),
        symbol="l",
        related=("neuron", "input_layer", "hidden_layer", "output_layer", "layer_size"),
    ),
    Entry(
        "number_of_layers",
        N_("number of layers"),
        N_(
            "$n$, the number of layers that have weights, so the output layer is layer $n$ and the prediction is $\\hat{y} = a^n$. The input $a^0 = x$ is not counted."
        ),
        symbol="n",
        related=("layer", "output_layer", "layer_size"),
    ),
    Entry(
        "layer_size",
        N_("layer size"),
        N_(
            "$n^l$, the number of neurons of layer $l$; $n^0$ is the number of inputs. $W^l$ has shape $(n^l, n^{l-1})$ and $b^l$ has shape $(n^l, 1)$."
        ),
        symbol="n^l",
        related=("layer", "weight_matrix", "bias_vector", "hyperparameter"),
    ),
    Entry(
        "input_layer",
        N_("input layer"),
        N_(
            "The inputs $a^0 = x$ of the network, with $n^0$ rows and one column per example. It has no weights: the first weights are $W^1$."
        ),
        symbol="x",
        related=("layer", "hidden_layer", "training_data"),
    ),
    Entry(
        "hidden_layer",
        N_("hidden layer"),
        N_(
            "Any layer between the input and the output layer, that is layers $1$ to $n-1$. The data do not say what its activations should be: the network learns them."
        ),
        related=("layer", "input_layer", "output_layer"),
    ),
    Entry(
        "output_layer",
        N_("output layer"),
        N_(
            "The last layer, layer $n$, whose activations are the prediction $\\hat{y} = a^n$. Backpropagation starts there, with $da^n$."
        ),
        related=("layer", "prediction", "backpropagation"),
    ),
    Entry(
        "weight",
        N_("weight"),
        N_(
            "An adjustable number on the connection between two neurons: it sets how much the output of one neuron counts in the sum of the next. Training changes the weights to make the cost $J$ smaller."
        ),
        related=("weight_matrix", "bias", "parameter", "weight_initialization"),
    ),
    Entry(
        "weight_matrix",
        N_("weight matrix"),
        N_(
            "$W^l$, the weights of layer $l$ in one matrix of shape $(n^l, n^{l-1})$: row $i$ holds the weights of neuron $i$. In the code it is `net.W[l]`."
        ),
        symbol="W^l",
        related=("weight", "bias_vector", "weight_gradient", "layer_size"),
    ),
    Entry(
        "bias",
        N_("bias"),
        N_(
            "A number added to the sum that a neuron computes from its inputs and weights, before its activation function. It lets the neuron shift its output even when all its inputs are zero."
        ),
        related=("bias_vector", "weight", "neuron", "parameter"),
    ),
    Entry(
        "bias_vector",
        N_("bias vector"),
        N_(
            "$b^l$, the biases of layer $l$ in one column of shape $(n^l, 1)$, one per neuron. It is added to every column of $W^l a^{l-1}$; in the code it is `net.b[l]`."
        ),
        symbol="b^l",
        related=("bias", "weight_matrix", "bias_gradient"),
    ),
    Entry(
        "parameter",
        N_("parameter"),
        N_(
            "A number that the network learns: each entry of each $W^l$ and $b^l$. Training changes the parameters, while hyperparameters are chosen by you."
        ),
        related=("weight", "bias", "hyperparameter"),
    ),
    Entry(
        "forward_propagation",
        N_("forward propagation"),
        also=N_("feedforward propagation"),
        definition=N_(
            "Computing the output of the network by passing the input through every layer in turn: $a^0 = x$, then $z^l = W^l a^{l-1} + b^l$ and $a^l = f^l(z^l)$ for $l = 1, \\dots, n$. It gives the prediction $\\hat{y} = a^n$ and keeps every $z^l$ and $a^l$ for backpropagation."
        ),
        related=("forward_pass", "pre_activation", "activation", "backpropagation"),
    ),
    Entry(
        "forward_pass",
        N_("forward pass"),
        N_(
            "One run of forward propagation on a batch of examples, from $a^0 = x$ to $\\hat{y} = a^n$. Every training step starts with a forward pass and goes on with a backward pass."
        ),
        related=("forward_propagation", "backward_pass", "iteration"),
    ),
    Entry(
        "pre_activation",
        N_("pre-activation"),
        N_(
            "$z^l = W^l a^{l-1} + b^l$, what layer $l$ computes before its activation function, one column per example. Backpropagation evaluates $f'^l$ on this stored $z^l$."
        ),
        symbol="z^l",
        related=("activation", "activation_function", "pre_activation_gradient"),
    ),
    Entry(
        "activation",
        N_("activation"),
        N_(
            "$a^l = f^l(z^l)$, the output of layer $l$, one column per example. $a^0 = x$ is the input and $a^n = \\hat{y}$ is the prediction."
        ),
        symbol="a^l",
        related=("pre_activation", "activation_function", "activation_gradient"),
    ),
    Entry(
        "activation_function",
        N_("activation function"),
        N_(
            "The function $f^l$ that turns the pre-activations of layer $l$ into its activations, $a^l = f^l(z^l)$, such as sigmoid, tanh or ReLU. Without it a stack of layers could only compute a linear function, and backpropagation needs its derivative $f'^l$."
        ),
        symbol="f^l",
        related=("sigmoid", "tanh", "relu", "softmax", "activation"),
    ),
    Entry(
        "sigmoid",
        N_("sigmoid"),
        N_(
            "$\\sigma(z) = 1 / (1 + e^{-z})$, which squashes any number into the interval $(0, 1)$; its derivative is $\\sigma(z)(1 - \\sigma(z))$. At the output it gives the probability of the second of two classes."
        ),
        symbol="\\sigma",
        related=("activation_function", "tanh", "cross_entropy", "vanishing_gradients"),
    ),
    Entry(
        "tanh",
        # TRANSLATORS: usually kept as it is; then flag the message "ignore-same".
        N_("tanh"),
        N_(
            "The hyperbolic tangent $\\tanh(z)$, which squashes any number into the interval $(-1, 1)$ and is centered on zero. Its derivative is $1 - \\tanh^2(z)$."
        ),
        symbol="\\tanh",
        related=("activation_function", "sigmoid", "vanishing_gradients"),
    ),
    Entry(
        "relu",
        # TRANSLATORS: usually kept as it is; then flag the message "ignore-same".
        N_("ReLU"),
        N_(
            "The rectified linear unit $\\mathrm{ReLU}(z) = \\max(0, z)$: it keeps positive numbers and replaces negative ones by zero. Its derivative is 1 where $z > 0$ and 0 elsewhere (the course takes 0 at $z = 0$)."
        ),
        related=("activation_function", "dead_relu", "weight_initialization"),
    ),
    Entry(
        "softmax",
        # TRANSLATORS: usually kept as it is; then flag the message "ignore-same".
        N_("softmax"),
        N_(
            "The output activation for $k$ classes, $\\mathrm{softmax}(z)_i = e^{z_i} / \\sum_j e^{z_j}$: its $k$ outputs are positive and add up to 1. With cross-entropy, $dz^n = \\hat{y} - y$."
        ),
        related=("activation_function", "cross_entropy", "one_hot_encoding", "jacobian", "logit"),
    ),
    Entry(
        "logit",
        N_("logit"),
        N_(
            "The name libraries give to the pre-activations $z^n$ of the output layer, the numbers that go into a sigmoid or a softmax. For a sigmoid, $z = \\log(\\hat{y} / (1 - \\hat{y}))$, the logarithm of the odds, the inverse of the sigmoid; losses that take logits instead of $\\hat{y}$ stay exact when the output saturates."
        ),
        related=("pre_activation", "softmax", "sigmoid", "cross_entropy"),
    ),
    Entry(
        "prediction",
        N_("prediction"),
        N_(
            "$\\hat{y} = a^n$, what the network outputs for an input, one column per example. The loss compares it with the target $y$."
        ),
        symbol="\\hat{y}",
        related=("output_layer", "target", "loss"),
    ),
    Entry(
        "target",
        N_("target"),
        N_(
            "$y$, the expected output for an example, given with the training data: one column per example, like $\\hat{y}$. For classes it is a label 0 or 1, or a one-hot column."
        ),
        symbol="y",
        related=("prediction", "training_data", "one_hot_encoding"),
    ),
    Entry(
        "one_hot_encoding",
        N_("one-hot encoding"),
        N_(
            "Writing one class out of $k$ as a column of $k$ numbers that are all 0 except a 1 in the row of that class. A softmax output is compared with one-hot targets by cross-entropy."
        ),
        related=("softmax", "cross_entropy", "target"),
    ),
    # --- Losses (lesson 03) ---
    Entry(
        "error",
        N_("error"),
        N_(
            "The gap between what the network predicts and the expected answer; the loss measures it with one number. Backpropagation sends the error backwards, layer by layer, as $dz^l$."
        ),
        related=("loss", "layer_error", "error_gradient"),
    ),
    Entry(
        "loss",
        N_("loss"),
        N_(
            "A number that measures how far the prediction $\\hat{y}$ is from the target $y$ for one example; it is also called the error. Training tries to make it small."
        ),
        related=("loss_function", "cost_function", "error"),
    ),
    Entry(
        "loss_function",
        N_("loss function"),
        N_(
            "The function $L(\\hat{y}, y)$ that gives the loss of one example, such as mean squared error or cross-entropy. Its derivative $da^n = \\partial L / \\partial a^n$ is where backpropagation starts."
        ),
        symbol="L",
        related=("loss", "cost_function", "mean_squared_error", "cross_entropy"),
    ),
    Entry(
        "cost_function",
        N_("cost function"),
        N_(
            "$J$, the loss averaged over the $m$ examples, plus $\\frac{\\lambda}{2m} \\sum_l \\|W^l\\|^2$ with regularization. Gradient descent makes $J$ smaller step by step."
        ),
        symbol="J",
        related=("loss_function", "gradient_descent", "regularization"),
    ),
    Entry(
        "mean_squared_error",
        N_("mean squared error"),
        N_(
            "A loss for predicting numbers: $L = \\frac{1}{2} \\sum_i (\\hat{y}_i - y_i)^2$ for one example, averaged over the $m$ examples in the cost. The factor $\\frac{1}{2}$ makes its derivative simply $da^n = \\hat{y} - y$."
        ),
        related=("loss_function", "cross_entropy"),
    ),
    Entry(
        "cross_entropy",
        N_("cross-entropy"),
        N_(
            "A loss for classification: $L = -\\sum_i y_i \\log \\hat{y}_i$ for one-hot targets, and $L = -y \\log \\hat{y} - (1 - y) \\log(1 - \\hat{y})$ for two classes (binary cross-entropy). It punishes a confident wrong answer heavily."
        ),
        related=("loss_function", "softmax", "sigmoid", "one_hot_encoding"),
    ),
    # --- Derivatives and backpropagation (lessons 03 to 05) ---
    Entry(
        "derivative",
        N_("derivative"),
        N_(
            "How fast a function changes when its input changes a little: $f'(z) \\approx (f(z + \\varepsilon) - f(z - \\varepsilon)) / (2\\varepsilon)$ for a small $\\varepsilon$, a central difference. A partial derivative does the same for one input while the others stay fixed."
        ),
        related=("gradient", "chain_rule", "finite_differences"),
    ),
    Entry(
        "gradient",
        N_("gradient"),
        N_(
            "The partial derivatives of a function with respect to each of its inputs, arranged like the inputs. It points where the function grows fastest; $dW^l$ and $db^l$ are the gradients of the cost with respect to $W^l$ and $b^l$."
        ),
        related=("derivative", "error_gradient", "gradient_descent"),
    ),
    Entry(
        "error_gradient",
        N_("error gradient"),
        N_(
            "The partial derivatives of the loss with respect to every weight and bias of the network. It gives the direction in which the loss grows fastest, so a training step moves the parameters the other way."
        ),
        related=("gradient", "backpropagation", "gradient_descent"),
    ),
    Entry(
        "chain_rule",
        N_("chain rule"),
        N_(
            "The rule for the derivative of a composition: if $y = g(u)$ and $u = h(x)$, then $\\frac{dy}{dx} = g'(u)\\, h'(x)$. Backpropagation applies it layer after layer, from the output back to the input."
        ),
        related=("derivative", "backpropagation"),
    ),
    Entry(
        "jacobian",
        N_("Jacobian"),
        N_(
            "The matrix of the partial derivatives of a function whose input and output are both vectors: the entry in row $i$ and column $j$ is $\\partial s_i / \\partial z_j$, how output $i$ changes when input $j$ changes. For softmax it is $s_i (\\delta_{ij} - s_j)$, so the chain rule gives $dz^n = s \\odot (da^n - s^T da^n)$, not $da^n \\odot f'(z^n)$."
        ),
        related=("softmax", "derivative", "chain_rule", "pre_activation_gradient"),
    ),
    Entry(
        "backpropagation",
        N_("backpropagation"),
        N_(
            "The method that computes the derivative of the loss with respect to every weight and bias by applying the chain rule from the output layer back to the input layer. For each layer it computes $dz^l = da^l \\odot f'^l(z^l)$, $dW^l$, $db^l$ and $da^{l-1} = (W^l)^T dz^l$."
        ),
        related=("chain_rule", "backward_pass", "error_gradient", "gradient_descent"),
    ),
    Entry(
        "backward_pass",
        N_("backward pass"),
        N_(
            "One run of backpropagation, from $da^n$ at the output down to $dW^1$ and $db^1$. It reuses the $z^l$ and $a^l$ kept by the forward pass."
        ),
        related=("backpropagation", "forward_pass", "iteration"),
    ),
    # --- Backpropagation as a graph (lesson 10) ---
    Entry(
        "computational_graph",
        N_("computational graph"),
        N_(
            "A computation drawn as small operations (a sum, a product, a tanh), each a node with an arrow from each of its inputs, its parents. The forward pass follows the arrows; the backward pass goes against them, from the loss to the inputs."
        ),
        related=("local_gradient", "topological_order", "automatic_differentiation", "backpropagation"),
    ),
    Entry(
        "local_gradient",
        N_("local gradient"),
        N_(
            "The derivative of one node of a computational graph with respect to one of its parents, computed during the forward pass: 1 and 1 for a sum $p + q$, $q$ and $p$ for a product $p \\cdot q$, $1 - t^2$ for $t = \\tanh(z)$. The backward pass multiplies it by the gradient that arrives at the node."
        ),
        related=("computational_graph", "chain_rule", "derivative"),
    ),
    Entry(
        "topological_order",
        N_("topological order"),
        N_(
            "An order of the nodes of a computational graph in which every node comes after all of its parents. The backward pass goes through it reversed, so that each node has received every contribution to its gradient before it hands the gradient on."
        ),
        related=("computational_graph", "backward_pass"),
    ),
    Entry(
        "automatic_differentiation",
        N_("automatic differentiation"),
        N_(
            "Computing exact derivatives by program: each operation records its local gradients in the forward pass, and the backward pass combines them by the chain rule. Backpropagation is automatic differentiation applied to a network's loss; PyTorch's autograd is an example."
        ),
        related=("computational_graph", "local_gradient", "backpropagation", "finite_differences"),
    ),
    Entry(
        "vectorization",
        N_("vectorization"),
        N_(
            "Writing a computation on whole arrays instead of one number at a time, such as $dW^l = dz^l \\cdot (a^{l-1})^T$ instead of a loop over every weight. The numbers are the same, but numpy computes them far faster than a Python loop: about a thousand times on a small network, as lesson 10 measures."
        ),
        related=("matrix_product", "elementwise_product", "computational_graph"),
    ),
    Entry(
        "activation_gradient",
        N_("activation gradient"),
        N_(
            "$da^l$, the derivative of the loss with respect to the activations $a^l$ of layer $l$, with the shape of $a^l$. Backpropagation starts from $da^n$ and hands $da^{l-1} = (W^l)^T dz^l$ to the layer below."
        ),
        symbol="da^l",
        related=("activation", "pre_activation_gradient", "backpropagation"),
    ),
    Entry(
        "pre_activation_gradient",
        N_("pre-activation gradient"),
        N_(
            "$dz^l = da^l \\odot f'^l(z^l)$, the derivative of the loss with respect to the pre-activations $z^l$, one column per example. It is the error signal of layer $l$, also written $\\delta^l$."
        ),
        symbol="dz^l",
        related=("pre_activation", "activation_gradient", "layer_error", "elementwise_product"),
    ),
    Entry(
        "weight_gradient",
        N_("weight gradient"),
        N_(
            "$dW^l = \\frac{1}{m} dz^l (a^{l-1})^T$, the derivative of the cost with respect to $W^l$, averaged over the $m$ examples and with the shape of $W^l$. With regularization, $\\frac{\\lambda}{m} W^l$ is added to it."
        ),
        symbol="dW^l",
        related=("weight_matrix", "bias_gradient", "transpose", "regularization_parameter"),
    ),
    Entry(
        "bias_gradient",
        N_("bias gradient"),
        N_(
            "$db^l$, the derivative of the cost with respect to $b^l$: the mean of the $m$ columns of $dz^l$, with shape $(n^l, 1)$. Biases are not regularized."
        ),
        symbol="db^l",
        related=("bias_vector", "weight_gradient", "pre_activation_gradient"),
    ),
    Entry(
        "number_of_examples",
        N_("number of examples"),
        N_(
            "$m$, the number of examples in a batch: $x = a^0$ has $m$ columns, one per example. $dW^l$ and $db^l$ are averages over these $m$ columns."
        ),
        symbol="m",
        related=("training_data", "mini_batch", "batch_size"),
    ),
    Entry(
        "elementwise_product",
        N_("element-wise product"),
        N_(
            "$u \\odot v$ multiplies two arrays of the same shape entry by entry; it is also called the Hadamard product. Backpropagation uses it in $dz^l = da^l \\odot f'^l(z^l)$."
        ),
        symbol="\\odot",
        related=("matrix_product", "pre_activation_gradient"),
    ),
    Entry(
        "matrix_product",
        N_("matrix product"),
        N_(
            "$A \\cdot B$, or simply $AB$, the usual product of matrices: entry $(i, j)$ is the sum over $k$ of $A_{ik} B_{kj}$, so $A$ needs as many columns as $B$ has rows. $W^l a^{l-1}$ and $(W^l)^T \\cdot dz^l$ are matrix products, written `@` in numpy."
        ),
        symbol="\\cdot",
        related=("elementwise_product", "transpose", "weight_matrix"),
    ),
    Entry(
        "transpose",
        N_("transpose"),
        N_(
            "$A^T$ swaps the rows and the columns of $A$, so a matrix of shape $(p, q)$ becomes one of shape $(q, p)$. Backpropagation uses it in $dW^l = \\frac{1}{m} dz^l (a^{l-1})^T$ and in $da^{l-1} = (W^l)^T dz^l$."
        ),
        symbol="A^T",
        related=("matrix_product", "weight_gradient"),
    ),
    # --- The Θ, Δ, D, δ form of backpropagation (lesson 05) ---
    Entry(
        "parameter_matrix",
        N_("parameter matrix"),
        also=N_("transition matrix"),
        definition=N_(
            "$\\Theta^l = [b^l \\mid W^l]$, the biases and the weights of layer $l$ in one matrix, with the bias in column 0. Some texts number it from the layer it leaves and write $\\Theta^{(l-1)}$ for our $\\Theta^l$."
        ),
        symbol="\\Theta^l",
        related=("weight_matrix", "bias_vector", "accumulated_gradient", "final_gradient"),
    ),
    Entry(
        "layer_error",
        N_("layer error"),
        N_(
            "$\\delta^l$, the derivative of the loss with respect to the pre-activations of layer $l$ for one example, the same as $dz^l$. At the output, $\\delta^n = a^n - y$ for a sigmoid with binary cross-entropy, a softmax with cross-entropy or an identity output with mean squared error."
        ),
        symbol="\\delta^l",
        related=("pre_activation_gradient", "accumulated_gradient", "error"),
    ),
    Entry(
        "accumulated_gradient",
        N_("accumulated gradient"),
        N_(
            "$\\Delta^l$ starts at zero and, for each of the $m$ examples, adds $\\delta^l [1; a^{l-1}]^T$, so its column 0 collects the bias gradients. After all the examples it holds $m$ times the average gradient."
        ),
        symbol="\\Delta^l",
        related=("layer_error", "final_gradient", "parameter_matrix"),
    ),
    Entry(
        "final_gradient",
        N_("final gradient"),
        N_(
            "$D^l = \\frac{1}{m}(\\Delta^l + \\lambda \\Theta^l)$, with no $\\lambda$ term on column 0, the bias. It equals $[db^l \\mid dW^l]$ of the vectorized form."
        ),
        symbol="D^l",
        related=("accumulated_gradient", "parameter_matrix", "weight_gradient", "bias_gradient"),
    ),
    # --- Training (lessons 06 to 08) ---
    Entry(
        "gradient_descent",
        N_("gradient descent"),
        N_(
            "An optimization algorithm that moves every parameter a small step against its gradient, again and again: $W^l \\leftarrow W^l - \\alpha\\, dW^l$ and $b^l \\leftarrow b^l - \\alpha\\, db^l$. When $\\alpha$ is small enough, each step makes the cost a little smaller."
        ),
        related=("learning_rate", "optimization_algorithm", "stochastic_gradient_descent", "batch_gradient_descent"),
    ),
    Entry(
        "learning_rate",
        N_("learning rate"),
        N_(
            "The step size $\\alpha$ of gradient descent, in $W^l \\leftarrow W^l - \\alpha\\, dW^l$ and $b^l \\leftarrow b^l - \\alpha\\, db^l$. Too small and training is slow; too large and the cost diverges."
        ),
        symbol="\\alpha",
        related=("gradient_descent", "hyperparameter", "divergence"),
    ),
    Entry(
        "optimization_algorithm",
        N_("optimization algorithm"),
        N_(
            "A method that changes the parameters of a model to make the cost smaller, such as gradient descent or stochastic gradient descent. It uses the gradients computed by backpropagation."
        ),
        related=("gradient_descent", "stochastic_gradient_descent", "parameter"),
    ),
    Entry(
        "iteration",
        N_("iteration"),
        N_(
            "One full cycle of training: a forward pass, the loss, a backward pass and an update of the weights. The course also calls it a step."
        ),
        related=("epoch", "forward_pass", "backward_pass", "gradient_descent"),
    ),
    Entry(
        "epoch",
        N_("epoch"),
        N_(
            "One pass over all the training examples. With mini-batches an epoch contains several steps, one per mini-batch."
        ),
        related=("iteration", "mini_batch", "batch_size"),
    ),
    Entry(
        "batch_size",
        N_("batch size"),
        N_(
            "The number of examples used for one step: all $m$ for batch gradient descent, 1 for stochastic gradient descent, something in between for mini-batches. It is a hyperparameter."
        ),
        related=("mini_batch", "batch_gradient_descent", "stochastic_gradient_descent", "hyperparameter"),
    ),
    Entry(
        "mini_batch",
        N_("mini-batch"),
        N_(
            "A small group of training examples, taken in random order, used for one step of gradient descent. Its gradient is cheaper than that of the whole training set and less noisy than that of a single example."
        ),
        related=("batch_size", "epoch", "stochastic_gradient_descent"),
    ),
    Entry(
        "batch_gradient_descent",
        N_("batch gradient descent"),
        N_(
            "Gradient descent in which every step uses all $m$ training examples, so one step is one epoch. Its steps follow the true gradient of the cost, but each one costs a full pass over the data."
        ),
        related=("gradient_descent", "stochastic_gradient_descent", "mini_batch"),
    ),
    Entry(
        "stochastic_gradient_descent",
        N_("stochastic gradient descent"),
        N_(
            "Gradient descent that updates the parameters after each single example, taken in random order, or more loosely after each mini-batch. Its steps are noisy but cheap; it is often abbreviated SGD."
        ),
        related=("gradient_descent", "mini_batch", "batch_gradient_descent"),
    ),
    Entry(
        "hyperparameter",
        N_("hyperparameter"),
        N_(
            "A setting chosen before training instead of learned from the data, such as the learning rate $\\alpha$, the layer sizes $n^l$, the batch size, the number of epochs or $\\lambda$."
        ),
        related=("parameter", "learning_rate", "batch_size", "regularization_parameter"),
    ),
    Entry(
        "weight_initialization",
        N_("weight initialization"),
        N_(
            "How the weights get their first values. The course draws each $W^l$ at random from a normal distribution with variance $1/n^{l-1}$, or $2/n^{l-1}$ for a ReLU layer, and sets the biases to zero. Equal weights would make all the neurons of a layer learn the same thing."
        ),
        related=(
            "weight",
            "symmetry_breaking",
            "xavier_initialization",
            "he_initialization",
            "vanishing_gradients",
            "exploding_gradients",
        ),
    ),
    Entry(
        "learning_curve",
        N_("learning curve"),
        N_(
            "A plot of the cost after each step or epoch of training. It should go down; if it jumps up or stops at NaN, the learning rate is probably too large."
        ),
        related=("cost_function", "divergence", "overfitting"),
    ),
    Entry(
        "divergence",
        N_("divergence"),
        N_(
            "When training makes the cost grow instead of shrink, until it becomes infinite or not a number (NaN), usually because the learning rate $\\alpha$ is too large. The course stops and tells at which step it happened."
        ),
        related=("learning_rate", "learning_curve"),
    ),
    Entry(
        "vanishing_gradients",
        N_("vanishing gradients"),
        N_(
            "When $dW^l$ becomes tiny in the first layers of a deep network. On the way down, each layer multiplies the derivative by $(W^l)^T$ and by $f'^l(z^l)$: when these factors are mostly smaller than 1, as with a saturated sigmoid or tanh or with small weights, the product shrinks from layer to layer, and the first layers barely learn. When they are larger than 1, it grows instead: the gradients explode."
        ),
        related=("exploding_gradients", "sigmoid", "tanh", "relu", "weight_initialization", "he_initialization"),
    ),
    Entry(
        "exploding_gradients",
        N_("exploding gradients"),
        N_(
            "When $dW^l$ becomes huge in the first layers of a deep network, or in every layer. On the way down, each layer multiplies the derivative by $(W^l)^T$ and by $f'^l(z^l)$: when these factors are mostly larger than 1, as with initial weights drawn too large, the product grows from layer to layer, and one step of gradient descent moves the weights by more than their own size. The cost then jumps up, or becomes infinite."
        ),
        related=("vanishing_gradients", "weight_initialization", "divergence", "learning_rate"),
    ),
    Entry(
        "symmetry_breaking",
        N_("symmetry breaking"),
        N_(
            "Starting the weights of a layer at different random values, so that its neurons compute different things. Neurons whose weights start equal, for example all at 0, receive equal derivatives and make equal steps: they stay equal forever, and a layer of many neurons is worth one."
        ),
        related=("weight_initialization", "neuron", "weight_matrix"),
    ),
    Entry(
        "xavier_initialization",
        N_("Xavier initialization"),
        N_(
            "Drawing the initial weights of layer $l$ from $N(0, 2/(n^{l-1} + n^l))$, a compromise between the forward pass, which asks for a variance of $1/n^{l-1}$, and the backward pass, which asks for $1/n^l$. It suits tanh and the sigmoid, and is also called Glorot initialization, after Xavier Glorot; when $n^{l-1} = n^l$ it is LeCun's $N(0, 1/n^{l-1})$."
        ),
        related=("weight_initialization", "he_initialization", "tanh", "sigmoid"),
    ),
    Entry(
        "he_initialization",
        N_("He initialization"),
        N_(
            "Drawing the initial weights of layer $l$ from $N(0, 2/n^{l-1})$: twice the variance of LeCun's $N(0, 1/n^{l-1})$, because ReLU sets about half of its outputs to 0. It keeps the size of the signals and of the gradients through many ReLU layers, and the course uses it by default for ReLU layers."
        ),
        related=("weight_initialization", "xavier_initialization", "relu", "vanishing_gradients"),
    ),
    Entry(
        "dead_relu",
        N_("dead ReLU"),
        N_(
            "A ReLU neuron whose pre-activation is negative for every example: its output and its derivative are always 0, so its weights never change again. A too large learning rate or a bad initialization can cause it."
        ),
        related=("relu", "learning_rate", "weight_initialization"),
    ),
    Entry(
        "gradient_check",
        N_("gradient check"),
        N_(
            "Comparing the gradients from backpropagation with finite differences, entry by entry. A relative error around $10^{-7}$ or smaller means the backward pass is right; a large one shows where it is wrong."
        ),
        related=("finite_differences", "backpropagation", "backward_pass"),
    ),
    Entry(
        "finite_differences",
        N_("finite differences"),
        N_(
            "Estimating a derivative from values of the function itself, here with central differences: $\\frac{\\partial J}{\\partial \\theta} \\approx (J(\\theta + \\varepsilon) - J(\\theta - \\varepsilon)) / 2\\varepsilon$ for a small $\\varepsilon$. It is slow but simple, which makes it a good check of backpropagation."
        ),
        related=("gradient_check", "derivative", "forward_difference"),
    ),
    Entry(
        "forward_difference",
        N_("forward difference"),
        also=N_("one-sided difference"),
        definition=N_(
            "The one-sided estimate of a derivative, $f'(z) \\approx (f(z + h) - f(z)) / h$: the slope between $z$ and $z + h$. Its error shrinks like $h$, while the central difference's shrinks like $h^2$, which is why the course checks gradients with central differences."
        ),
        related=("finite_differences", "derivative", "gradient_check"),
    ),
    # --- Data and generalization (lessons 07 and 08) ---
    Entry(
        "training_data",
        N_("training data"),
        N_(
            "The examples $(x, y)$ the network learns from: inputs with their expected outputs. In the course $x$ has one column per example, and so has $y$."
        ),
        related=("target", "train_test_split", "number_of_examples"),
    ),
    Entry(
        "train_test_split",
        N_("train/test split"),
        N_(
            "Dividing the examples into training data, used to learn the weights, and test data, kept aside to measure how well the network does on examples it has never seen."
        ),
        related=("training_data", "overfitting", "accuracy"),
    ),
    Entry(
        "accuracy",
        N_("accuracy"),
        N_("The fraction of examples whose predicted class is the right one, between 0 and 1."),
        related=("prediction", "decision_boundary", "train_test_split"),
    ),
    Entry(
        "decision_boundary",
        N_("decision boundary"),
        N_(
            "The line or curve in the input space where a classifier changes its answer from one class to another. The course draws it by predicting the class of every point of a grid."
        ),
        related=("prediction", "accuracy", "overfitting"),
    ),
    Entry(
        "overfitting",
        N_("overfitting"),
        N_(
            "When a network fits the training data so closely, noise included, that it does worse on new examples. The training cost keeps going down while the test cost goes up; regularization and more data help."
        ),
        related=("regularization", "train_test_split", "decision_boundary"),
    ),
    Entry(
        "regularization",
        N_("regularization"),
        also=N_("regularization term, weight decay"),
        definition=N_(
            "Any technique that keeps a network from overfitting. The course adds $\\frac{\\lambda}{2m} \\sum_l \\|W^l\\|^2$ to the cost, which pulls the weights towards zero; the biases are not regularized."
        ),
        related=("regularization_parameter", "overfitting", "cost_function"),
    ),
    Entry(
        "regularization_parameter",
        N_("regularization parameter"),
        N_(
            "$\\lambda \\ge 0$ sets how strongly regularization pulls the weights towards zero: $dW^l$ gets the extra term $\\frac{\\lambda}{m} W^l$. With $\\lambda = 0$ there is no regularization; in the code it is `lam`."
        ),
        symbol="\\lambda",
        related=("regularization", "hyperparameter", "final_gradient"),
    ),
)

_BY_ID = {e.id: e for e in ENTRIES}


def entry(id: str) -> Entry:
    """The entry with this id, such as ``entry("learning_rate")``."""
    try:
        return _BY_ID[id]
    except (KeyError, TypeError):
        raise CourseError(_("There is no glossary entry with the id {id!r}.").format(id=id)) from None


# --- Which lessons use an entry ---


_GLOSSARY_LINE = re.compile(r"^#\s+glossary:\s*\[([^\]]*)\]", re.MULTILINE)


@cache
def _lesson_index(folder: Path) -> dict[str, tuple[str, ...]]:
    """Entry id -> stems of the lessons whose header lists it."""
    # The header line ``#     glossary: [a, b]`` is read directly: importing jupytext in a
    # learner's kernel would take seconds.
    index: dict[str, list[str]] = {}
    for path in sorted(folder.glob("[0-9][0-9]_*.py")):
        found = _GLOSSARY_LINE.search(path.read_text(encoding="utf-8"))
        for id in re.findall(r"\w+", found.group(1)) if found else ():
            index.setdefault(id, []).append(path.stem)
    return {id: tuple(stems) for id, stems in index.items()}


def lessons_using(id: str) -> list[str]:
    """The lessons (stems such as ``"04_output_layer"``) whose header lists entry ``id``."""
    return list(_lesson_index(LESSONS_SRC).get(entry(id).id, ()))


# --- Looking an entry up ---


def _translate(message: str, lang: str) -> str:
    return i18n.translations(lang).gettext(message)


def term(e: Entry, lang: str | None = None) -> str:
    """The term of ``e`` in ``lang`` (the current language by default)."""
    return _translate(e.term, normalize(lang) if lang else get_language())


_APOSTROPHES = str.maketrans("’‘ʼ`´", "'''''")


def fold(text: str) -> str:
    """Lower case, without accents: "Rétropropagation" -> "retropropagation"."""
    decomposed = unicodedata.normalize("NFKD", str(text).translate(_APOSTROPHES))
    return "".join(c for c in decomposed if not unicodedata.combining(c)).casefold().strip()


def _key(text: str) -> str:
    """What a looked-up text is compared by: letters and digits only, folded.

    Spaces, hyphens, underscores and apostrophes are dropped, so "taux d'apprentissage",
    "TAUX D APPRENTISSAGE" and "taux d’apprentissage" are the same key, and so are
    "learning_rate" and "Learning rate".
    """
    return "".join(c for c in fold(text) if c.isalnum())


# LaTeX commands of the definitions and symbols, as plain text (for print() and lookup).
_COMMANDS = {
    "alpha": "α",
    "lambda": "λ",
    "Theta": "Θ",
    "theta": "θ",
    "Delta": "Δ",
    "delta": "δ",
    "sigma": "σ",
    "varepsilon": "ε",
    "partial": "∂",
    "odot": "⊙",
    "cdot": "⋅",
    "leftarrow": "←",
    "approx": "≈",
    "ge": "≥",
    "mid": "|",
    "sum": "Σ",
    "dots": "…",
    "log": "log",
    "max": "max",
    "tanh": "tanh",
    "|": "‖",
}


def plain_math(latex: str) -> str:
    text = latex.replace("\\hat{y}", "ŷ")
    text = re.sub(r"\\mathrm\{([^{}]*)\}", r"\1", text)
    text = re.sub(r"\\frac\{([^{}]*)\}\{([^{}]*)\}", r"(\1/\2)", text)
    text = re.sub(r"\\partial ", "∂", text)
    text = re.sub(r"\\, *", " ", text)
    return re.sub(r"\\([A-Za-z]+|\|)", lambda m: _COMMANDS.get(m.group(1), m.group(0)), text)


def plain(text: str) -> str:
    """A definition as plain text: ``$\\alpha\\, dW^l$`` becomes ``α dW^l``."""
    return re.sub(r"\$([^$]*)\$", lambda m: plain_math(m.group(1)), text)


# Other ways of typing a symbol: the dot of the freeCodeCamp guide and the middle dot for ⋅.
_SYMBOL_ALIASES = {"·": "\\cdot", "•": "\\cdot", "∘": "\\odot", "^T": "A^T"}


def _symbol_key(text: str) -> str:
    return re.sub(r"[\s${}]", "", str(text))


def _symbol_keys(e: Entry) -> tuple[set[str], set[str]]:
    """How ``e.symbol`` can be typed: exactly (``\\Theta^l``, ``Θ^l``, ``Theta^l``), then
    without its layer (``\\Theta``, ``Θ``, ``Theta``)."""
    exact = {_symbol_key(e.symbol), _symbol_key(plain_math(e.symbol))}
    exact |= {k.lstrip("\\") for k in exact}
    base = {k[:-2] for k in exact if k.endswith("^l") and len(k) > 2}
    return {k for k in exact if k}, base


@cache
def _symbol_index() -> dict[str, str]:
    """Typed symbol -> id; exact forms win over forms without the layer ("n" is n, not n^l)."""
    index: dict[str, str] = {}
    keys = {e.id: _symbol_keys(e) for e in ENTRIES if e.symbol}
    for which in (0, 1):
        for id, forms in keys.items():
            for k in sorted(forms[which]):
                index.setdefault(k, id)
    for alias, symbol in _SYMBOL_ALIASES.items():
        index[alias] = next(e.id for e in ENTRIES if e.symbol == symbol)
    return index


@cache
def _folded_symbol_index() -> dict[str, str]:
    """Like :func:`_symbol_index` in lower case, without the keys that two entries share ("delta")."""
    ids: dict[str, set[str]] = {}
    for k, id in _symbol_index().items():
        ids.setdefault(k.casefold(), set()).add(id)
    return {k: found.pop() for k, found in ids.items() if len(found) == 1}


def _term_index() -> dict[str, str]:
    """Folded key -> id, from ids and terms; English and the current language first."""
    current = get_language()
    languages = [SOURCE_LANGUAGE, current, *(lang for lang in LANGUAGES if lang not in (SOURCE_LANGUAGE, current))]
    index: dict[str, str] = {}
    for e in ENTRIES:
        index.setdefault(_key(e.id), e.id)
    for lang in languages:
        for e in ENTRIES:
            index.setdefault(_key(_translate(e.term, lang)), e.id)
        for e in ENTRIES:  # other names come after every term, so that no term is shadowed
            for name in other_names(e, lang):
                index.setdefault(_key(name), e.id)
    return index


def other_names(e: Entry, lang: str | None = None) -> list[str]:
    """The other names of ``e`` in ``lang`` (by default the current language), as the catalog lists them."""
    if not e.also:
        return []
    return [name.strip() for name in _translate(e.also, lang or get_language()).split(",") if name.strip()]


def lookup(query: str | Entry) -> Entry:
    """The entry named by ``query``: an id, a symbol (``"W^l"``, ``"α"``, ``"\\alpha"``) or a term
    in any of the course's languages, in any case, with or without accents.

    Raises :class:`~course.i18n.CourseError` with close matches when nothing matches.
    """
    if isinstance(query, Entry):
        return query
    text = str(query).strip()
    if text in _BY_ID:
        return _BY_ID[text]
    found = _symbol_index().get(_symbol_key(text))
    if found is None:  # "theta" or "w^l": a symbol in the wrong case, if that names one entry only
        found = _folded_symbol_index().get(_symbol_key(text).casefold())
    if found is None and _key(text):
        found = _term_index().get(_key(text))
    if found is not None:
        return _BY_ID[found]
    raise CourseError(_no_match_message(text))


def _no_match_message(text: str) -> str:
    candidates: dict[str, str] = {}  # key -> term as shown to the learner, in the current language
    for lang in (get_language(), SOURCE_LANGUAGE):
        for e in ENTRIES:
            candidates.setdefault(_key(_translate(e.term, lang)), _(e.term) + english_aside(e))
    close = difflib.get_close_matches(_key(text), list(candidates), n=5, cutoff=0.6) if _key(text) else []
    if close:
        return _("No glossary entry matches {query!r}. Did you mean: {matches}?").format(
            query=text, matches=", ".join(candidates[k] for k in close)
        )
    return _(
        "No glossary entry matches {query!r}. Try a term such as {example}, a symbol such as {symbol}, or `glossary()` for the whole list."
    ).format(query=text, example=repr(term(entry("learning_rate"))), symbol=repr("W^l"))


# --- Showing entries ---


def sorted_entries(lang: str | None = None) -> list[Entry]:
    """All entries in the alphabetical order of their terms in ``lang`` (accents and case ignored)."""
    lang = normalize(lang) if lang else get_language()
    return sorted(ENTRIES, key=lambda e: (fold(_translate(e.term, lang)), e.id))


def english_aside(e: Entry) -> str:
    """The English term in parentheses, outside English and when the translation differs."""
    shown = _(e.term)
    if get_language() == SOURCE_LANGUAGE or fold(shown) == fold(e.term):
        return ""
    return " (" + _("English: {term}").format(term=e.term) + ")"


def entry_markdown(e: Entry, *, page: bool = False) -> str:
    """One entry as Markdown in the current language.

    With ``page=True`` (used by :func:`render_markdown`) the entry gets an anchor
    ``<a id="ID"></a>`` and a heading, and its related terms link to their anchors.
    """
    title = _(e.term) + english_aside(e)
    lines = [f'<a id="{e.id}"></a>\n\n### {title}' if page else f"**{title}**"]
    if e.also:
        lines.append(_("Also called: {names}").format(names=", ".join(other_names(e))))
    if e.symbol:
        lines.append(_("Symbol: {symbol}").format(symbol=f"${e.symbol}$"))
    lines.append(_(e.definition))
    if e.related:
        names = [f"[{_(entry(r).term)}](#{r})" if page else _(entry(r).term) for r in e.related]
        lines.append(_("See also: {terms}").format(terms=", ".join(names)))
    lessons = [f"[{stem[:2]}]({stem}.ipynb)" if page else stem[:2] for stem in lessons_using(e.id)]
    if lessons:
        lines.append(_("Used in lessons: {lessons}").format(lessons=", ".join(lessons)))
    return "\n\n".join(lines)


def entry_text(e: Entry) -> str:
    """One entry as plain text in the current language (what ``print`` shows)."""
    lines = [_(e.term) + english_aside(e)]
    if e.also:
        lines.append(_("Also called: {names}").format(names=", ".join(other_names(e))))
    if e.symbol:
        lines.append(_("Symbol: {symbol}").format(symbol=plain_math(e.symbol)))
    lines.append(plain(_(e.definition)))
    if e.related:
        lines.append(_("See also: {terms}").format(terms=", ".join(_(entry(r).term) for r in e.related)))
    lessons = [stem[:2] for stem in lessons_using(e.id)]
    if lessons:
        lines.append(_("Used in lessons: {lessons}").format(lessons=", ".join(lessons)))
    return "\n".join(lines)


def render_markdown(lang: str | None = None) -> str:
    """The whole glossary in ``lang`` as one Markdown page, entries in alphabetical order."""
    previous = get_language()
    try:
        set_language(lang or previous)
        parts = [
            "# " + _("Glossary"),
            _(
                "This page is generated from the course's translation catalogs, so every term and definition is the one the lessons use."
            ),
            *(entry_markdown(e, page=True) for e in sorted_entries()),
        ]
    finally:
        set_language(previous)
    return "\n\n".join(parts) + "\n"


class GlossaryView:
    """What :func:`glossary` returns: Markdown in Jupyter, plain text in a terminal.

    It is written in the language current when it is shown.
    """

    def __init__(self, entries: tuple[Entry, ...]):
        self.entries = entries

    def _repr_markdown_(self) -> str:
        return "\n\n---\n\n".join(entry_markdown(e) for e in self.entries)

    def __str__(self) -> str:
        return "\n\n".join(entry_text(e) for e in self.entries)

    __repr__ = __str__


def glossary(query: str | Entry | None = None) -> GlossaryView:
    """Show one entry, found by :func:`lookup` (lesson 00), or every entry when no query is given.

    ``glossary("α")``, ``glossary("learning rate")`` and ``glossary("taux d'apprentissage")``
    show the same entry, in the current language.
    """
    if query is None:
        return GlossaryView(tuple(sorted_entries()))
    return GlossaryView((lookup(query),))
