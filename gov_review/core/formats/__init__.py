"""The national formats as data: templates, label variants, the rule pack and its safe evaluator."""
