"""The authors' and instructors' tools: build, catalogs, workshop material, JupyterLite, the hub, the command line.

They may import the runtime (``course``'s other modules, which the notebooks import); the
runtime never imports them, so a learner's kernel loads none of nbclient, jupytext or Babel's
extraction.
"""
