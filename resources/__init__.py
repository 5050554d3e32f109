"""Data files shipped with gov-review: templates, rule packs, translations, samples."""
