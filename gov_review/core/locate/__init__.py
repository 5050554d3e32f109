"""Where things are in a SourceDocument: the six sections, the title, the year and the reporting body."""
