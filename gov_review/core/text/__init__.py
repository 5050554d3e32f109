"""Text as real files write it: label normalisation, value parsing, Chinese numerals, run-together digits."""
