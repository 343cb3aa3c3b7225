"""Post Editor: write Jekyll blog posts with a live preview that shows them as the site will."""

__version__ = "0.1.0"
