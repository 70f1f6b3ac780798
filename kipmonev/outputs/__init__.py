"""Writing what kipmonev gives people: templates, questionnaire sheets, reports and recap exports.

Outputs are rendered from models only and written atomically.
"""
