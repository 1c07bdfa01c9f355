"""Jamie Zawinski's message threading algorithm (https://www.jwz.org/doc/threading.html).

Pure: :class:`~iscg_mailbot.records.ThreadRef` records in, a forest of
:class:`~iscg_mailbot.records.ThreadNode` trees out. The steps follow JWZ:

1. one container per Message-ID (real or only referenced: a *ghost*);
2. each message's own References/In-Reply-To give its parent; References chains also
   link the ghosts between them; no link ever closes a loop;
3. ghosts are pruned (their children move up), except a ghost root with two or more
   children, which keeps siblings together;
4. roots are grouped by normalised subject.

Where JWZ leaves a choice open, this module decides so that the output depends only
on the *set* of messages, never on their order:

- duplicate Message-IDs: the copy with the most threading information is used;
- the parent is the last References id; In-Reply-To is used instead when References
  is empty, when it appears earlier in References (the list is out of order), or when
  it names a message we have while the last References id does not;
- a message's own headers always win over what other messages' References imply;
- reference loops (A refs B, B refs A) are cut so that the oldest message of the
  loop becomes the parent of the others;
- References chains are applied oldest message first, so for ghosts "first come"
  means "oldest";
- siblings are ordered by date (undated last) then Message-ID.

Subject grouping follows JWZ's cases, taking roots one at a time in date order and
looking only at same-subject groups *near* in time (within ``subject_window`` of each
other's first and last message; without a window, all of them):

- an empty (ghost) root takes in every near root of its subject, and two near ghost
  roots pool their children;
- a message root joins a near ghost root;
- a reply root joins the latest near non-reply root dated no later than itself (else
  the earliest near one); reply roots with no such original become siblings under a
  new ghost root, and a non-reply root takes in the near replies that came before it;
- two *non-reply* roots never merge (JWZ's last case would make them siblings: two
  "Agenda" posts are two conversations);
- two trees whose References name different thread roots that are missing never
  merge: they are replies in two conversations (a ``[PATCH v2]`` review and a
  ``[PATCH v3]`` review), however alike their subjects.

With a window, a root with no dated message is not grouped by subject at all.

Every walk is iterative, so a 10,000-deep reply chain does not hit Python's
recursion limit.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import UTC, datetime, timedelta
from itertools import pairwise

from iscg_mailbot.records import ThreadNode, ThreadRef

_UNDATED = float("inf")


def _timestamp(date: datetime | None) -> float:
    """Sortable seconds; undated sorts last, a naive datetime is taken as UTC."""
    if date is None:
        return _UNDATED
    if date.tzinfo is None:
        date = date.replace(tzinfo=UTC)
    return date.timestamp()


class _Container:
    """A JWZ container: a message (``ref``) or a ghost (``ref`` None) and its links."""

    __slots__ = ("_set", "children", "earliest", "key", "latest", "parent", "ref", "stamp")

    def __init__(self, key: str | None, ref: ThreadRef | None = None) -> None:
        self.key = key  # the Message-ID; None for a ghost made by subject grouping
        self.ref = ref
        self.parent: _Container | None = None
        self.children: list[_Container] = []
        # Sort date: the message's own date; for a ghost, the earliest date below it.
        self.stamp = _timestamp(ref.date) if ref is not None else _UNDATED
        # Dated span of the subtree (set when pruning); undated: (inf, -inf).
        self.earliest = self.stamp
        self.latest = -_UNDATED if self.stamp == _UNDATED else self.stamp
        self._set: _Container = self  # union-find over the trees of the forest

    def sort_key(self) -> tuple[float, str]:
        return (self.stamp, self.key or "")

    def subject_source(self) -> ThreadRef | None:
        """The message whose subject stands for this root (a ghost's first child's)."""
        if self.ref is not None:
            return self.ref
        return self.children[0].ref if self.children else None


def _tree_of(container: _Container) -> _Container:
    """The representative of the tree holding ``container`` (path halving)."""
    while container._set is not container:
        container._set = container._set._set
        container = container._set
    return container


def _link(child: _Container, parent: _Container) -> bool:
    """Make ``parent`` the parent of the parentless ``child`` unless that closes a loop.

    ``child`` has no parent, so it is the root of its tree: a loop would appear exactly
    when ``parent`` is in that same tree. Links are only ever added, so union-find
    answers in near-constant time (a walk up the ancestors would be quadratic on long
    chains).
    """
    if child.parent is not None or child is parent:
        return False
    child_tree, parent_tree = _tree_of(child), _tree_of(parent)
    if child_tree is parent_tree:
        return False
    child.parent = parent
    child_tree._set = parent_tree
    return True


def _richness(ref: ThreadRef) -> tuple[object, ...]:
    # Smaller is preferred; every field takes part so the choice is total.
    return (
        -len(ref.references),
        ref.in_reply_to is None,
        _timestamp(ref.date),
        ref.references,
        ref.in_reply_to or "",
        ref.normalised_subject,
        ref.is_reply,
    )


def _unique(refs: Iterable[ThreadRef]) -> list[ThreadRef]:
    """One record per Message-ID, sorted by date (undated last) then Message-ID."""
    chosen: dict[str, ThreadRef] = {}
    for ref in refs:
        kept = chosen.get(ref.message_id)
        if kept is None or _richness(ref) < _richness(kept):
            chosen[ref.message_id] = ref
    return sorted(chosen.values(), key=lambda r: (_timestamp(r.date), r.message_id))


def _clean_references(ref: ThreadRef) -> list[str]:
    """References without blanks, repeats (first kept) and the message's own id (a
    dict's keys keep first occurrences in order, in C: a third of a loop's cost)."""
    if not ref.references:
        return []
    kept = dict.fromkeys(ref.references)
    kept.pop(ref.message_id, None)
    kept.pop("", None)
    return list(kept)


def _declared_parent(
    ref: ThreadRef, references: list[str], real: dict[str, _Container]
) -> str | None:
    """The parent the message's own headers name (see the module docstring)."""
    in_reply_to = ref.in_reply_to if ref.in_reply_to != ref.message_id else None
    if not references:
        return in_reply_to or None
    last = references[-1]
    if not in_reply_to or in_reply_to == last:
        return last
    # A client builds References as the parent's References plus the parent's id, so
    # an In-Reply-To found earlier in the list means the list is out of order.
    if in_reply_to in references[:-1]:
        return in_reply_to
    if last not in real and in_reply_to in real:
        return in_reply_to
    return last


class _Table(dict[str, _Container]):
    """Message-ID -> container, a ghost's made on its first lookup (in C when found)."""

    def __missing__(self, mid: str) -> _Container:
        found = self[mid] = _Container(mid)
        return found


def _link_all(ordered: list[ThreadRef]) -> list[_Container]:
    """Steps 1-2: containers and parent links; returns every container."""
    real = {ref.message_id: _Container(ref.message_id, ref) for ref in ordered}
    table = _Table(real)
    chains = {ref.message_id: _clean_references(ref) for ref in ordered}
    # A message's own headers first, newest message first: when its parents loop,
    # the last link tried (the oldest message's) is the one refused, so the oldest
    # message of a loop ends up on top.
    for ref in reversed(ordered):
        parent = _declared_parent(ref, chains[ref.message_id], real)
        if parent is not None:
            _link(real[ref.message_id], table[parent])
    # Then what References chains say about ghosts (real messages were placed above).
    for ref in ordered:
        for parent_id, child_id in pairwise(chains[ref.message_id]):
            child = table[child_id]
            if child.ref is None:
                _link(child, table[parent_id])
    for item in table.values():
        if item.parent is not None:
            item.parent.children.append(item)
    return list(table.values())


def _prune(containers: list[_Container]) -> list[_Container]:
    """Step 3: drop ghosts below the roots (children move up); returns the new roots."""
    roots = [c for c in containers if c.parent is None]
    order: list[_Container] = []
    stack = list(roots)
    while stack:
        item = stack.pop()
        order.append(item)
        stack.extend(item.children)
    for item in reversed(order):  # children before their parent
        kept: list[_Container] = []
        for child in item.children:
            if child.ref is None:  # a ghost: its own ghosts are already gone
                for grandchild in child.children:
                    grandchild.parent = item
                kept.extend(child.children)
            else:
                kept.append(child)
        kept.sort(key=_Container.sort_key)
        item.children = kept
        _update_span(item)
    pruned: list[_Container] = []
    for root in roots:
        if root.ref is not None or len(root.children) > 1:
            pruned.append(root)
        elif root.children:  # a ghost with one child: the child becomes the root
            only = root.children[0]
            only.parent = None
            pruned.append(only)
    return pruned


def _update_span(item: _Container) -> None:
    """Recompute ``earliest``/``latest`` from the children; a ghost sorts by ``earliest``."""
    for child in item.children:
        item.earliest = min(item.earliest, child.earliest)
        item.latest = max(item.latest, child.latest)
    if item.ref is None:
        item.stamp = item.earliest


def _adopt(parent: _Container, children: list[_Container]) -> None:
    for child in children:
        child.parent = parent
    parent.children.extend(children)
    parent.children.sort(key=_Container.sort_key)
    _update_span(parent)


def _near(group: _Container, root: _Container, window: float | None) -> bool:
    """Whether the dated spans of two trees come within ``window`` seconds of each other."""
    if window is None:
        return True
    if group.earliest == _UNDATED or root.earliest == _UNDATED:
        return False
    return group.earliest - window <= root.latest and root.earliest - window <= group.latest


def _is_reply(root: _Container) -> bool:
    return root.ref is not None and root.ref.is_reply


class _SubjectGroups:
    """The roots of one subject, merged one at a time in date order (JWZ step 5).

    Each root looks only at the groups near it in time, so that a root's place
    depends on its neighbours, never on a chain of unrelated threads: this is what
    lets the store re-thread a few threads instead of the whole list.
    """

    def __init__(self, window: float | None) -> None:
        self.window = window
        self.groups: list[_Container] = []  # the subject's current roots, oldest first
        self.absorbed: list[_Container] = []
        self.made: list[_Container] = []
        # The unknown thread roots each group's messages name (see _origins).
        self.origins: dict[int, frozenset[str]] = {}

    def _take(self, groups: list[_Container]) -> list[_Container]:
        for group in groups:
            self.groups.remove(group)
            self.absorbed.append(group)
        return groups

    def _origins_of(self, group: _Container) -> frozenset[str]:
        return self.origins.get(id(group), frozenset())

    def _joined(self, group: _Container, *others: _Container) -> None:
        """``group`` took in ``others``: it now names their origins too."""
        merged = self._origins_of(group).union(*(self._origins_of(o) for o in others))
        self.origins[id(group)] = merged

    def _compatible(self, group: _Container, origins: frozenset[str]) -> bool:
        # Two trees whose References name different thread roots we do not have are
        # two conversations, however alike their subjects.
        theirs = self._origins_of(group)
        return not theirs or not origins or bool(theirs & origins)

    def add(self, root: _Container) -> None:
        self.origins[id(root)] = _origins(root)
        near = [g for g in self.groups if _near(g, root, self.window)
                and self._compatible(g, self.origins[id(root)])]
        ghosts = [g for g in near if g.ref is None]
        if root.ref is None:
            if ghosts:  # both empty: one takes the other's children
                keep, *others = ghosts
                for ghost in self._take(others):
                    _adopt(keep, ghost.children)
                _adopt(keep, root.children)
                self._joined(keep, *others, root)
                self.absorbed.append(root)
            else:  # "the empty one is more interesting as a root"
                taken = self._take(near)
                _adopt(root, taken)
                self._joined(root, *taken)
                self.groups.append(root)
        elif ghosts:  # a message joins the empty container of its subject
            _adopt(ghosts[-1], [root])
            self._joined(ghosts[-1], root)
            self.absorbed.append(root)
        elif not _is_reply(root):  # a reply that came first goes under the original
            taken = self._take([g for g in near if _is_reply(g)])
            _adopt(root, taken)
            self._joined(root, *taken)
            self.groups.append(root)
        else:
            self._add_reply(root, near)

    def _add_reply(self, root: _Container, near: list[_Container]) -> None:
        bases = [g for g in near if not _is_reply(g)]
        if bases:
            earlier = [b for b in bases if b.stamp <= root.stamp]
            base = earlier[-1] if earlier else bases[0]
            _adopt(base, [root])
            self._joined(base, root)
            self.absorbed.append(root)
            return
        if not near:
            self.groups.append(root)
            return
        ghost = _Container(None)  # replies to an original we lack become siblings
        taken = self._take(near)
        _adopt(ghost, [*taken, root])
        self._joined(ghost, *taken, root)
        self.absorbed.append(root)
        self.groups.append(ghost)
        self.made.append(ghost)


def _origins(root: _Container) -> frozenset[str]:
    """The thread root a tree's References name when we do not have it: the first
    References id (else In-Reply-To) of the message that stands for the tree; a ghost
    root stands for the missing message it is. Empty for a tree that names none."""
    source = root.subject_source()
    if source is not None:
        references = _clean_references(source)
        first = references[0] if references else source.in_reply_to
        if first and first != source.message_id:
            return frozenset({first})
    return frozenset({root.key}) if root.ref is None and root.key else frozenset()


def _group_by_subject(roots: list[_Container], window: float | None) -> list[_Container]:
    """Step 4: merge roots of the same normalised subject (JWZ step 5, see module doc)."""
    roots = sorted(roots, key=_Container.sort_key)
    by_subject: dict[str, _SubjectGroups] = {}
    absorbed: set[int] = set()
    made: list[_Container] = []
    for root in roots:
        source = root.subject_source()
        if source is None or not source.normalised_subject:
            continue
        if window is not None and root.earliest == _UNDATED:
            continue  # cannot be placed in time
        groups = by_subject.setdefault(source.normalised_subject, _SubjectGroups(window))
        groups.add(root)
    for groups in by_subject.values():
        absorbed.update(id(r) for r in groups.absorbed)
        made.extend(g for g in groups.made if id(g) not in absorbed)
    kept = [root for root in roots if id(root) not in absorbed] + made
    return sorted(kept, key=_Container.sort_key)


def _to_nodes(roots: list[_Container]) -> list[ThreadNode]:
    result: list[ThreadNode] = []
    stack: list[tuple[_Container, ThreadNode]] = []
    for root in roots:
        node = ThreadNode(root.key if root.ref is not None else None)
        result.append(node)
        stack.append((root, node))
    while stack:
        item, node = stack.pop()
        for child in item.children:
            child_node = ThreadNode(child.key)  # below a root every container is real
            node.children.append(child_node)
            stack.append((child, child_node))
    return result


def build_threads(
    refs: Iterable[ThreadRef], *, subject_window: timedelta | None = None
) -> list[ThreadNode]:
    """Thread messages with the JWZ algorithm; return the roots, oldest thread first.

    A root is a real message, or a ghost (``message_id`` None) holding two or more
    messages whose common parent is missing. Output depends only on the set of
    messages, not on their order. With ``subject_window``, roots are grouped by
    subject only with same-subject trees active within that time of them (see the
    module docstring).

    >>> from datetime import datetime, UTC
    >>> day = lambda d: datetime(2026, 3, d, tzinfo=UTC)
    >>> roots = build_threads([
    ...     ThreadRef("b", "a", ("a",), "agenda", True, day(2)),
    ...     ThreadRef("a", None, (), "agenda", False, day(1)),
    ...     ThreadRef("c", None, (), "agenda", True, day(3)),   # "Re: Agenda", no headers
    ...     ThreadRef("x", None, (), "other", False, day(1)),
    ... ])
    >>> [(root.message_id, [c.message_id for c in root.children]) for root in roots]
    [('a', ['b', 'c']), ('x', [])]
    """
    window = None if subject_window is None else subject_window.total_seconds()
    ordered = _unique(refs)
    containers = _link_all(ordered)
    return _to_nodes(_group_by_subject(_prune(containers), window))


def parent_map(roots: Iterable[ThreadNode]) -> dict[str, str | None]:
    """Message-ID -> parent Message-ID, skipping ghosts to the nearest real ancestor.

    >>> tree = ThreadNode(None, [ThreadNode("a", [ThreadNode("b")]), ThreadNode("c")])
    >>> parent_map([tree])
    {'a': None, 'b': 'a', 'c': None}
    """
    parents: dict[str, str | None] = {}
    stack: list[tuple[ThreadNode, str | None]] = [(root, None) for root in reversed(list(roots))]
    while stack:
        node, above = stack.pop()
        if node.message_id is not None:
            parents[node.message_id] = above
            above = node.message_id
        stack.extend((child, above) for child in reversed(node.children))
    return parents
