"""The window's widgets: source view, table grid, findings and notes panels, league table, dashboard, cross-year panel."""
