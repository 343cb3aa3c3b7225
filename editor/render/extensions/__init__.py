"""Python-Markdown extensions that make Python-Markdown render as kramdown does in Jekyll 4.3.

``kramdown.KramdownExtension`` wires them together; see its docstring for the map.
"""
