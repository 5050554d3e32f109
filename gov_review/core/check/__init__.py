"""The checks: run every rule of the pack on a reconstructed report and return its findings."""
