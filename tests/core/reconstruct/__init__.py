"""Tests of gov_review.core.reconstruct."""
