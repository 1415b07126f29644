"""OpenAPI generation hooks."""


def drop_slashless_duplicates(endpoints, **kwargs):
    """Every API path also answers without its trailing slash; document it once."""
    return [endpoint for endpoint in endpoints if endpoint[0].endswith("/")]
