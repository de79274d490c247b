# ---
# jupyter:
#   course:
#     minutes: {teaching: 10, exercises: 5}
#     part: pre-work
#     glossary: [neural_network, backpropagation, weight, bias, learning_rate, elementwise_product, matrix_product]
#   jupytext:
#     formats: py:percent
#   kernelspec:
#     display_name: Python 3
#     language: python
#     name: python3
# ---

# %% [markdown] tags=["objectives"]
# # 00. Start here
#
# Welcome! This course teaches you how a neural network learns, down to the last formula: by the end you will derive backpropagation on paper and code it yourself. This first notebook shows how the course works. You will be able to:
#
# - choose the language of the course and run its cells;
# - do an exercise and read the feedback it gives you;
# - find the solution of an exercise and look a term up in the glossary.
#
# It takes about 15 minutes: 10 minutes of reading and 5 minutes of exercises.

# %% [markdown]
# ## How a lesson works
#
# Each lesson is a notebook like this one. It mixes text cells, which explain one idea at a time, and code cells, which compute that idea with numbers you can see. Read a text cell, run the code cell below it, and look at what it prints or draws. Every lesson ends with its key points and links to the glossary entries it uses.
#
# Exercises are code cells where some code is missing: you replace `...` with your own code and run the cell. It tells you at once whether your answer is right and, if not, what to look at.

# %% [markdown]
# ## Running cells
#
# Click in a code cell and press **Shift+Enter**: the cell runs, its output appears below it, and the next cell is selected. Press Shift+Enter again and again to read a notebook from top to bottom.
#
# At the top of every lesson, a first code cell sets the language (more on that below) and a second one loads the tools the lesson uses. Run both now if you have not yet: they print nothing, and that is fine.

# %%
import ipywidgets as widgets
import numpy as np

from course import CourseError, _, get_language, num, set_language, show
from course.exercises import check, feedback
from course.glossary import glossary
from course.interface import menu_path
from course.widgets.base import Labelled

# %% [markdown]
# Cells share their variables: a variable set in one cell can be used in every cell run after it. The next two cells show this.

# %%
w = 2.0
x = 3.0

# %%
print(_("w times x is {product}.").format(product=num(w * x)))

# %% [markdown]
# If a cell complains that a name is not defined, you probably skipped a cell above it. This menu of JupyterLab runs every cell above the selected one and catches up:

# %%
print(menu_path("Run", "Run All Above Selected Cell"))

# %% [markdown]
# ## Choosing the language
#
# The course speaks English, French, Spanish and Brazilian Portuguese. Every notebook exists in each of them, in the folders `lessons/en`, `lessons/fr`, `lessons/es` and `lessons/pt_BR`, and the very first code cell of each notebook sets the language: it runs `course.start("en")` in the English folder and `course.start("fr")` in the French one.
#
# To open the whole course in one language, run `python -m course lab --lang fr` from the folder of the course (or `es`, `pt_BR`, `en`). To switch a single notebook, change the code in its first cell to `course.start("es")`, for example, and run it again: everything printed or drawn from then on is in Spanish. In your own Python scripts, the environment variable `COURSE_LANG` sets the language used by `course` when `course.start` is not called.

# %% [markdown]
# This cell prints the code of the language the course is speaking now:

# %%
print(_("The course is speaking the language {code}.").format(code=get_language()))

# %% [markdown]
# ## How numbers are shown
#
# Numbers are written the way your language writes them. English writes one and a half as 1.5; French, Spanish and Portuguese write it as 1,5, with a decimal comma. Large numbers get thousands separators, and very small ones are written with a power of ten instead of being rounded to zero. The course's function `num` does this for every number it prints, and the ticks of every plot follow the same rules.
#
# The table below writes the same three numbers in each language of the course:

# %%
examples = [1234.5, 0.05, 1.5e-6]
current = get_language()
rows = []
try:
    for code in ["en", "fr", "es", "pt_BR"]:
        set_language(code)
        rows.append([code, *(num(value, 6) for value in examples)])
finally:
    set_language(current)
for row in rows:
    print("  ".join(cell.rjust(13) for cell in row))

# %% [markdown]
# Arrays are shown beside their symbol with `show`, which rounds every entry to a few significant digits in the same way. In JupyterLab they appear as a matrix:

# %%
show("v", np.array([[0.5, -1.25, 2.0]]))

# %% [markdown]
# ## Widgets
#
# Some lessons have widgets: sliders and buttons that change a computation while you watch. Move the slider below: it changes the input $x$ of the computation $z = w x + b$ with $w = 2$ and $b = 1$, and the text beside it follows. Widgets only move when the notebook is running in JupyterLab; on a web page that only shows the notebook, they are frozen.

# %%
slider = widgets.FloatSlider(value=3.0, min=-3.0, max=3.0, step=0.5, description="x", readout=False)
label = widgets.Label()


def update_label(change=None):
    z_value = 2.0 * slider.value + 1.0
    label.value = _("x = {x}, so z = 2 x + 1 = {z}").format(x=num(slider.value), z=num(z_value))


slider.observe(update_label, names="value")
update_label()
Labelled(widgets.HBox([slider, label]), text=lambda: label.value)

# %% [markdown]
# A widget is only a way to change a value. The cell below reads the value the slider holds now; run it again after moving the slider.

# %%
print(
    _("The slider holds x = {x}, and z = 2 x + 1 = {z}.").format(x=num(slider.value), z=num(2.0 * slider.value + 1.0))
)

# %% [markdown]
# ## Exercises and their feedback
#
# Every exercise has an id made of the lesson number and the exercise number, such as 00.1. The id is the same in every language, so people who follow the course in different languages can still talk about "exercise 00.1" together.
#
# An exercise cell gives you some values, written in the cell or taken from `given("NN.k")`, leaves `...` where your code goes, and ends with a call to `check`. Run it as it is first: `check` tells you what it is waiting for. Then write your answer in place of `...` and run the cell again. A right answer prints ✓; a wrong one prints ✗ with a hint about what to look at.

# %% [markdown]
# **Exercise 00.1.** A neuron multiplies its input $x$ by a weight $w$ and adds a bias $b$: $z = w x + b$. Compute $z$ for $w = 2$, $x = 4$ and $b = 1$. In Python, multiplication is written `*`.

# %% tags=["exercise"]
w, x, b = 2.0, 4.0, 1.0

z = ...

check("00.1", z)

# %% tags=["solution"]
w, x, b = 2.0, 4.0, 1.0

z = w * x + b

check("00.1", z)

# %% [markdown]
# This is what a wrong answer looks like. Suppose someone added before multiplying and found 10; `feedback` returns what `check` would say, and `.text` is the sentence:

# %%
print(feedback("00.1", 10.0).text)

# %% [markdown]
# ## Solutions
#
# Under each exercise, a collapsed line names its solution. Click it to show the solution's code, once you have tried, and click it again to hide it. It is text, not code that runs: running every cell of a lesson never runs a solution, so the exercise cells keep their hint until you answer them. To run a solution, copy its code into the exercise cell: it ends with the same `check`, which prints ✓.
#
# The notebook `solutions.ipynb`, beside the lessons, holds every solution of the course with the ✓ it prints. If your instructor keeps the solutions for later, the collapsed lines and `solutions.ipynb` are not there yet: they arrive when the instructor releases them.
#
# Try first, even for a minute: a hint you earned by a wrong answer teaches more than a solution you read.

# %% [markdown]
# **Exercise 00.2.** A neuron with several inputs multiplies each input by its own weight, adds the products up and adds its bias. With numpy, the weights and the inputs are arrays, and `w @ x` multiplies them entry by entry and adds the products: it is the product written $w \cdot x$. The product entry by entry, without the sum, is `w * x`, written $w \odot x$. Compute $z = w \cdot x + b$ for the arrays below.

# %% tags=["exercise"]
w = np.array([0.5, -1.0, 2.0])
x = np.array([4.0, 1.0, 1.5])
b = 0.5

z = ...

check("00.2", z)

# %% tags=["solution"]
w = np.array([0.5, -1.0, 2.0])
x = np.array([4.0, 1.0, 1.5])
b = 0.5

z = w @ x + b

check("00.2", z)

# %% [markdown]
# ## The glossary
#
# Every technical term of the course has an entry in the glossary, written in your language with the English term beside it. The cell of tools at the top of this notebook imported it with `from course.glossary import glossary`. Call `glossary` with a term, a symbol such as `"α"` or `"W^l"`, or a term in any language of the course: `glossary("learning rate")` and `glossary("taux d'apprentissage")` show the same entry. Called with nothing, `glossary()` shows every entry.

# %%
glossary("learning rate")

# %% [markdown]
# Each lesson ends with links to the entries it uses, and the page `glossary.ipynb` beside the lessons holds the whole glossary. A small typing mistake is forgiven: when nothing matches, `glossary` suggests the closest terms.

# %%
try:
    glossary("lerning rate")
except CourseError as error:
    print(error)

# %% [markdown] tags=["instructor"]
# **Before the first lesson.** Check that every learner has JupyterLab open on the folder of their language and that the cells at the top of this notebook ran: the cell under "Choosing the language" must print the code of their language. A learner who sees English in their language's folder has probably opened `lessons/en` or run the cells out of order: have them restart the kernel and run all cells.
#
# **Solutions.** Each solution is a collapsed line under its exercise, never run by "run all cells"; `solutions.ipynb` runs them all. To keep them for later, see the guide's section "Solutions".
#
# **Common snags.** A `NameError` means a cell above was skipped. `check` printing "Replace `...`" means the `...` is still in the cell. Learners on a static page (no kernel) see frozen widgets: that is expected.
#
# **Question for the room.** Ask two learners who follow the course in different languages to read their feedback for exercise 00.1 aloud: same id, same answer, different words. It makes the point that exercise ids and values are shared across languages, so a mixed room can work together.

# %% [markdown] tags=["instructor", "behind"]
# Lesson 00 is pre-work: send it a week ahead with the setup instructions and ask learners to run it to the end. On the day, do not teach it: during setup, ask each learner to show a green sticky note once 00.1 prints its ✓, and help the red ones. If many did not do it, show only "Running cells" and "Exercises and their feedback" (5 minutes) and leave the rest to read at home.

# %% [markdown] tags=["key-points"]
# ## Key points
#
# - The first cell of a notebook sets its language with `course.start(...)`; `python -m course lab --lang fr` opens the whole course in one language.
# - Shift+Enter runs a cell; cells share variables, so run them from top to bottom.
# - An exercise cell ends with `check("NN.k", ...)`: ✓ when your answer is right, ✗ and a hint when it is not. Its solution is collapsed under it: click to show it, copy it into the exercise cell to run it; `solutions.ipynb` holds them all.
# - `glossary("term")` explains a term or a symbol in your language; numbers are written the way your language writes them.
