"""Qt-free layer: never import PySide6 here."""
