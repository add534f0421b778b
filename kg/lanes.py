"""Which worker process gets a batch: the one that had its texts before, unless another is idler.

A worker keeps what it learnt from the texts it extracted: the tags of the
sentences it met (``kg.nlp.sentence_memo``) and its word caches. News is
redundant, and an article whose text came before costs least in the worker
that had it. A pool whose workers share one queue gives a batch to whichever
worker is free, so with two workers a repeated text is parsed twice. Here
each worker is a lane of its own (a one-process pool); a batch goes to the
lane that was given most of its texts lately, unless that lane has more
unfinished batches than the idlest one by more than ``slack``, in which case
the idlest gets it: balance first, then affinity. Routing reads each
article's ``content_hash`` only, so it never changes what is extracted, only
where.
"""

from __future__ import annotations

from collections import Counter, OrderedDict, deque
from collections.abc import Callable, Sequence
from concurrent.futures import Executor, Future
from typing import Any

from kg.model import Article

__all__ = ["Lanes"]

REMEMBERED_TEXTS = 16_384  # content hashes whose lane is kept (about 3 MB)


class Lanes:
    """One executor per worker; ``submit`` picks the lane of a batch."""

    def __init__(self, executors: Sequence[Executor], *, slack: int = 1,
                 remembered: int = REMEMBERED_TEXTS) -> None:
        if not executors:
            raise ValueError("no executors to route batches to")
        self.executors = list(executors)
        self.slack = slack
        self.remembered = remembered
        self._owners: OrderedDict[str, int] = OrderedDict()
        self._unfinished: list[deque[Future[Any]]] = [deque() for _ in self.executors]
        self._turn = 0  # where the search for the idlest lane starts: ties go round

    def submit(self, fn: Callable[..., Any], batch: list[Article], *args: Any) -> Future[Any]:
        lane = self.lane_for(batch)
        future = self.executors[lane].submit(fn, batch, *args)
        self._unfinished[lane].append(future)
        return future

    def lane_for(self, batch: list[Article]) -> int:
        """The lane the batch goes to, remembered as the owner of its texts."""
        count = len(self.executors)
        loads = [self._load(lane) for lane in range(count)]
        self._turn = (self._turn + 1) % count
        idlest = min(((self._turn + k) % count for k in range(count)), key=loads.__getitem__)
        lane = idlest
        votes = Counter(owner for owner in map(self._owners.get, (a.content_hash for a in batch))
                        if owner is not None)
        if votes:
            owner = votes.most_common(1)[0][0]
            if loads[owner] - loads[idlest] <= self.slack:
                lane = owner
        for article in batch:
            self._owners[article.content_hash] = lane
            self._owners.move_to_end(article.content_hash)
        while len(self._owners) > self.remembered:
            self._owners.popitem(last=False)
        return lane

    def _load(self, lane: int) -> int:
        unfinished = self._unfinished[lane]
        while unfinished and unfinished[0].done():
            unfinished.popleft()
        return sum(not future.done() for future in unfinished)

    def shutdown(self, *, wait: bool = True, cancel_futures: bool = False) -> None:
        """Shut every lane down; the first error is raised once all have been asked."""
        errors = []
        for executor in self.executors:
            try:
                executor.shutdown(wait=wait, cancel_futures=cancel_futures)
            except RuntimeError as err:
                errors.append(err)
        if errors:
            raise errors[0]
