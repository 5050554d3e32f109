"""Across years: pairing a body's reports of consecutive years and checking X01–X06 between them."""
