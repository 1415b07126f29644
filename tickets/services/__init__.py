"""Every write to tickets goes through a service in this package."""
