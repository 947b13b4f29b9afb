"""quotes: direct quotations in news articles, their speakers, and a database of both."""


def __getattr__(name: str) -> str:
    """`quotes.__version__`, read from the installed metadata when first asked for (it costs an import)."""
    if name != "__version__":
        raise AttributeError(f"module 'quotes' has no attribute {name!r}")
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("quotes")
    except PackageNotFoundError:  # run from a checkout that was never installed
        return "0+unknown"
