"""Use cases of a monev round: init, receive, templates, status, recap."""
