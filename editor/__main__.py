import multiprocessing
import sys

# First of all: in the frozen app, a spawned render process (editor.render.worker) starts
# this executable again, and freeze_support runs the child's code instead of the app.
multiprocessing.freeze_support()

from editor.cli import main  # noqa: E402

sys.exit(main())
