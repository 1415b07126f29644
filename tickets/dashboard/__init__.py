"""The agents' dashboard: how the queue is doing and whether the AI's answers hold up."""
