"""A review: the pipeline of one file, the review session (edits, notes, waivers), the bundle, autosave."""
