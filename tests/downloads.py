"""Reading what a download view returned, streamed or not."""


def body(response) -> bytes:
    if getattr(response, "streaming", False):
        return b"".join(response.streaming_content)
    return response.content


def text(response) -> str:
    """The body decoded as UTF-8, the byte-order mark (if any) kept so tests can check it is there."""
    return body(response).decode("utf-8")
