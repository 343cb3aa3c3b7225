import sys

# First of all: the render process (editor.render.worker) is this program started again
# with this flag, in the frozen app as from source; it must not load the app (Qt and all).
if sys.argv[1:2] == ["--render-child"]:
    from editor.render.worker_child import run

    sys.exit(run(sys.argv[2:]))

from editor.cli import main  # noqa: E402

sys.exit(main())
