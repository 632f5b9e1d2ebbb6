"""The package's one exception type."""


class GeoMapError(RuntimeError):
    """geomap could not run, or stopped: the message is its one-line error."""
