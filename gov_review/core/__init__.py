"""The pure-Python engine: read, locate, reconstruct, check. Never imports Qt."""
