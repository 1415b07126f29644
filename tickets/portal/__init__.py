"""The customer's pages: landing, the web form, and the private ticket page."""
