"""The `gazetteer` subcommand: `gazetteer import FILE` adds an official list's names.

It reads the list (the UN consolidated XML, OFAC's sdn.csv with alt.csv or
the SDN XML, the UK proscribed list page or OFSI's ConList.csv), shows what
is new and what the list no longer prints, and, once confirmed (or with
--yes), appends the new names to the analyst's gazetteer.toml as official
listings with the list's date. Importing the same file again adds nothing.
"""

from __future__ import annotations

import argparse
import sys
from datetime import date
from pathlib import Path

from briefreader.cli.output import fail, print_json, progress
from briefreader.entities import load_gazetteer
from briefreader.entities.lists import ListError, read_list
from briefreader.entities.lists.merge import ImportPlan, append_to, plan_import, render
from briefreader.paths import DataPaths

_SHOWN = 12  # names shown per organisation before "and N more"


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "gazetteer",
        help="import an official list's organisations and names into your gazetteer",
        description="Work with your additions to the gazetteer (gazetteer.toml).",
    )
    actions = parser.add_subparsers(dest="action", metavar="ACTION", required=True)
    importing = actions.add_parser(
        "import",
        help="add the names an official list gives (UN XML, OFAC SDN, UK list)",
        description=(
            "Read an official list as published: the UN Security Council consolidated "
            "list (XML), OFAC's SDN list (sdn.csv and alt.csv together, or the SDN XML), "
            "the UK proscribed organisations page (HTML or text) or OFSI's ConList.csv. "
            "Shows the organisations and names that are new, and the names the list no "
            "longer prints (these are never removed), then adds the new ones to your "
            "gazetteer.toml with the list's name and date. Importing again adds nothing."
        ),
    )
    importing.add_argument("files", nargs="+", type=Path, metavar="FILE")
    choice = importing.add_mutually_exclusive_group()
    choice.add_argument("--yes", action="store_true", help="add without asking")
    choice.add_argument("--dry-run", action="store_true", help="only show what would change")
    importing.add_argument("--json", action="store_true", help="print the changes as JSON")
    importing.set_defaults(run=run)


def run(args: argparse.Namespace, paths: DataPaths) -> int:
    try:
        listing = read_list(args.files)
    except ListError as error:
        return fail(str(error))
    gazetteer = load_gazetteer(paths.user_gazetteer)
    plan = plan_import(gazetteer, listing)
    if args.json:
        print_json(_as_json(plan))
    else:
        _show(plan)
    if plan.empty or args.dry_run:
        return 0
    if not args.yes and not _confirmed():
        progress("briefreader: nothing written")
        return 1
    block = render(plan, [p.name for p in args.files], date.today().isoformat())
    try:
        append_to(paths.user_gazetteer, block)
    except (ListError, OSError) as error:
        return fail(str(error))
    added = sum(len(c.names) for c in plan.additions)
    progress(f"briefreader: added {added} names to your gazetteer (gazetteer.toml)")
    return 0


def _confirmed() -> bool:
    if not sys.stdin.isatty():
        progress("briefreader: not a terminal: give --yes to add these, or --dry-run")
        return False
    answer = input("Add these to your gazetteer? [y/N] ")
    return answer.strip().lower() in ("y", "yes")


def _show(plan: ImportPlan) -> None:
    listing = plan.listing
    print(
        f"{listing.title}, {listing.read} (dated by {listing.dated_by}): "
        f"{len(listing.designations)} organisations"
    )
    new = [c for c in plan.additions if c.new_entity]
    more = [c for c in plan.additions if not c.new_entity]
    gone = [c for c in plan.changes if c.gone]
    dropped = "no longer printed by the list (kept: remove them by hand if you wish)"
    for title, changes, sign, field in (
        ("new organisations", new, "+", "names"),
        ("new names of known organisations", more, "+", "names"),
        (dropped, gone, "-", "gone"),
    ):
        if not changes:
            continue
        print(f"{title} ({len(changes)}):")
        for change in changes:
            names = getattr(change, field)
            shown = "; ".join(names[:_SHOWN])
            rest = f"; and {len(names) - _SHOWN} more" if len(names) > _SHOWN else ""
            ref = f" [{change.ref}]" if change.ref else ""
            print(f"  {sign} {change.canonical}{ref}: {shown}{rest}")
    print(f"unchanged: {plan.unchanged}")
    if plan.empty:
        print("nothing new to add")


def _as_json(plan: ImportPlan) -> dict[str, object]:
    listing = plan.listing
    return {
        "list": listing.title,
        "source": listing.source,
        "read": listing.read,
        "dated_by": listing.dated_by,
        "organisations": len(listing.designations),
        "unchanged": plan.unchanged,
        "changes": [
            {
                "canonical": c.canonical,
                "ref": c.ref,
                "new_organisation": c.new_entity,
                "new_names": list(c.names),
                "no_longer_listed": list(c.gone),
            }
            for c in plan.changes
        ],
    }
