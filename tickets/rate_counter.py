"""Counting requests per client in Redis with one round trip: a sliding window of two counters.

DRF's SimpleRateThrottle keeps a list of timestamps per client in the cache: a GET and
a SET, two round trips on every POST (30% of intake's CPU samples). Here one script call
reads this window's and the previous window's counters and, if the request is allowed,
counts it and sets the counter's expiry. The count is the usual sliding-window estimate:
the previous window weighted by how much of it still overlaps the last `duration`
seconds. It is exact for evenly spread requests and close otherwise.
"""

import time

from django.core.cache import cache

# Atomic on the server: two processes never both take the last free request.
_HIT = """
local current = tonumber(redis.call('GET', KEYS[1]) or '0')
local previous = tonumber(redis.call('GET', KEYS[2]) or '0')
if current + previous * tonumber(ARGV[1]) >= tonumber(ARGV[2]) then
    return 0
end
redis.call('INCR', KEYS[1])
redis.call('EXPIRE', KEYS[1], ARGV[3])
return 1
"""
_scripts: dict[int, object] = {}


def redis_client():
    """The cache's Redis client, or None when the cache is not Redis (the database cache)."""
    if "redis" not in type(cache).__module__:
        return None
    return cache._cache.get_client(write=True)


def window_hit(client, key: str, *, limit: int, duration: int, now: float | None = None) -> float | None:
    """Count one request for `key` if it is within `limit` per `duration` seconds and return
    None; else count nothing and return the seconds to wait."""
    now = time.time() if now is None else now
    window = int(now // duration)
    overlap = 1 - (now - window * duration) / duration
    script = _scripts.get(id(client)) or _scripts.setdefault(id(client), client.register_script(_HIT))
    allowed = script(keys=[f"{key}:{window}", f"{key}:{window - 1}"], args=[overlap, limit, duration * 2])
    if allowed:
        return None
    # Room comes back as the previous window slides out, at the latest when this one ends.
    return max(1.0, (window + 1) * duration - now)
