"""The command line: ``python -m course lab|build|i18n ...``."""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
from pathlib import Path

from ..files import CHECKOUT as ROOT
from . import check

try:  # `check` runs without them (numpy, Babel) to say what is missing: main() starts it first
    from ..i18n import LANGUAGES, CourseError, get_language, normalize
    from .lab import lab_command, room_settings
except ImportError as error:
    MISSING = error
else:
    MISSING = None


def lab(args) -> int:
    """Start JupyterLab on localhost at the learner's own copy of the lessons of one language (brought up to date
    without overwriting their edits), its interface in that language; --dry-run prints the command instead."""
    import shlex

    from ..i18n import set_language
    from .workspace import prepare, report

    lang = set_language(args.lang)
    done = prepare(lang, args.workspace, solutions=not args.without_solutions)
    for line in report(done):
        print(line)
    root = done.folder.parent
    settings = room_settings(root / ".jupyterlab-settings" / lang, lang)
    command = lab_command(lang, settings, args.port, not args.no_browser, root=root)
    if args.dry_run:
        print(shlex.join(command))
        return 0
    return subprocess.call(command, env=dict(os.environ, COURSE_LANG=lang))


def reset(args) -> int:
    """Restore one lesson of the learner's workspace from the course, keeping their version as a backup."""
    from ..i18n import set_language
    from .workspace import reset as reset_lesson
    from .workspace import reset_report

    lang = set_language(args.lang)
    for line in reset_report(reset_lesson(args.lesson, lang, args.workspace)):
        print(line)
    return 0


def build(args) -> int:
    """Execute the lesson sources into lessons/<lang>/ (or DIR/lessons/<lang>/ with --output DIR) for the chosen
    languages; --without-solutions writes a copy for learners without the solutions, into --output only."""
    from ..i18n import _
    from .build import build as build_lessons
    from .build import shown

    if args.without_solutions and not args.output:
        raise CourseError(
            _(
                "--without-solutions writes a copy of the lessons to hand out: name its folder with --output DIR "
                "(the course's own lessons keep their solutions)."
            )
        )
    langs = [normalize(lang) for lang in args.lang] if args.lang else LANGUAGES
    output = Path(args.output).resolve() / "lessons" if args.output else None
    where = {"output": output} if output else {}
    for path in build_lessons(
        langs, only=args.only, run=not args.no_execute, jobs=args.jobs, solutions=not args.without_solutions, **where
    ):
        print(shown(path))
    if not args.only:
        from .pages import write_pages

        for path in write_pages(langs, **where):
            print(shown(path))
    if not args.only and not output:
        from .workshop import write_instructor_material

        for path in write_instructor_material(langs):
            print(path.relative_to(ROOT))
    return 0


def list_lessons(args) -> int:
    """The lessons with their part (pre-work, core, optional) and minutes, in the chosen language, then the totals
    and the day's end time that the instructor guide's schedule prints too."""
    from ..i18n import _, set_language
    from .workshop import PARTS, day_plan, outline, part_name, totals

    lang = set_language(args.lang)
    rows = outline(lang)
    width = max((len(lesson.title) for lesson in rows), default=10)
    heads = [_("Lesson"), _("Part"), _("Teaching (min)"), _("Exercises (min)"), _("Left out (min)")]
    part = max(len(heads[1]), *(len(part_name(p)) for p in PARTS))
    print(f"{heads[0]:{width}}  {heads[1]:{part}}  {heads[2]:>16}  {heads[3]:>16}  {heads[4]:>16}")
    for lesson in rows:
        left_out = lesson.optional_minutes or ""
        print(
            f"{lesson.title:{width}}  {part_name(lesson.part):{part}}  {lesson.teaching:>16}  {lesson.exercises:>16}"
            f"  {left_out:>16}"
        )
    for line in totals(rows, day_plan(rows)):
        print(line)
    return 0


def typealong(args) -> int:
    """Copies of one language's lessons for typing along: no outputs, no solutions, the live-coded cells empty."""
    from .workshop import typealong as copies

    for path in copies(normalize(args.lang), Path(args.output)):
        print(path)
    return 0


def lite(args) -> int:
    """Build the course as a static JupyterLite site: every language, Python running in the browser."""
    from .lite import build_site

    print(build_site(Path(args.output), default_lang=normalize(args.lang)))
    return 0


def links(args) -> int:
    """Links that open the course for a room: Binder, and JupyterHub through nbgitpuller."""
    from .workshop import binder_link, nbgitpuller_link

    langs = [normalize(lang) for lang in args.lang] if args.lang else LANGUAGES
    for lang in langs:
        if args.repo:
            print(f"{lang:6} Binder      {binder_link(args.repo, lang, ref=args.branch)}")
        if args.hub:
            print(f"{lang:6} JupyterHub  {nbgitpuller_link(args.hub, args.repo_url, args.branch, lang)}")
    return 0


def hub(args) -> int:
    """A workshop hub for one machine (JupyterHub): a shared password, one home per learner, the links per language."""
    from ..i18n import _, set_language
    from .hub import default_repo, serve

    set_language(args.lang)
    repo = args.repo or default_repo()
    if not repo:
        raise CourseError(_("Name the course repository that learners pull from with --repo (a git URL or folder)."))
    options = dict(ip=args.ip, port=args.port, config_dir=args.config_dir, proxy=args.proxy)
    return serve(args.password, Path(args.homes), repo, args.branch, **options)


def i18n(args) -> int:
    """Maintain the catalogs: extract templates, update translations, show status, check."""
    from . import catalogs

    if args.action in ("extract", "update"):
        for domain in catalogs.domains():
            changed = catalogs.extract(domain)
            print(f"{catalogs.pot_path(domain).relative_to(ROOT)}: {'updated' if changed else 'unchanged'}")
            if args.action == "update":
                for lang in catalogs.TRANSLATED:
                    changed = catalogs.update(domain, lang)
                    print(
                        f"{catalogs.po_path(lang, domain).relative_to(ROOT)}: {'updated' if changed else 'unchanged'}"
                    )
        return 0
    if args.action == "status":
        print(catalogs.status_table())
        return 0
    try:
        problems = catalogs.check_all(args.catalogs)
    except (FileNotFoundError, ValueError) as error:  # a missing tool, or a file that is not a catalog
        print(error, file=sys.stderr)
        return 2
    for problem in problems:
        print(problem)
    print(f"{len(problems)} problem(s)")
    return 1 if problems else 0


WORKSPACE_HELP = "your copy of the lessons (default: $COURSE_WORKSPACE or ~/backprop-course)"


def parser() -> argparse.ArgumentParser:
    # Named as the user typed it: the console script, or the module.
    prog = "backprop-course" if Path(sys.argv[0]).stem == "backprop-course" else "python -m course"
    p = argparse.ArgumentParser(prog=prog, description=__doc__)
    sub = p.add_subparsers(dest="command", required=True)
    p_lab = sub.add_parser("lab", help="open the lessons of one language in JupyterLab")
    p_lab.add_argument("--lang", default=get_language(), help="/".join(LANGUAGES))
    p_lab.add_argument("--port", type=int)
    p_lab.add_argument("--no-browser", action="store_true")
    p_lab.add_argument("--workspace", help=WORKSPACE_HELP)
    p_lab.add_argument("--dry-run", action="store_true", help="prepare the workspace, print the JupyterLab command")
    p_lab.add_argument(
        "--without-solutions",
        action="store_true",
        help="copy the lessons without their solutions (run again without it to release them)",
    )
    p_lab.set_defaults(run=lab)
    p_reset = sub.add_parser("reset", help="restore one lesson of your workspace from the course, with a backup")
    p_reset.add_argument("lesson", help="a lesson number (04) or name (glossary)")
    p_reset.add_argument("--lang", default=get_language(), help="/".join(LANGUAGES))
    p_reset.add_argument("--workspace", help=WORKSPACE_HELP)
    p_reset.set_defaults(run=reset)
    p_list = sub.add_parser("list", help="the lessons with their minutes, in one language")
    p_list.add_argument("--lang", default=get_language(), help="/".join(LANGUAGES))
    p_list.set_defaults(run=list_lessons)
    p_type = sub.add_parser("typealong", help="lessons without outputs or solutions, live-coded cells empty")
    p_type.add_argument("--lang", default=get_language(), help="/".join(LANGUAGES))
    p_type.add_argument("--output", default="typealong", help="folder of the copies (default: ./typealong)")
    p_type.set_defaults(run=typealong)
    p_check = sub.add_parser("check", help="a self-test a week before the workshop: is this computer ready?")
    check.add_arguments(p_check)
    p_links = sub.add_parser("links", help="Binder and JupyterHub (nbgitpuller) links that open a lesson")
    p_links.add_argument("--repo", help="GitHub owner/name, for Binder links")
    p_links.add_argument("--hub", help="JupyterHub URL, for nbgitpuller links")
    p_links.add_argument("--repo-url", help="git URL the hub pulls from (default: the GitHub URL of --repo)")
    p_links.add_argument("--branch", default="main")
    p_links.add_argument("--lang", nargs="*", help="languages (default: all)")
    p_links.set_defaults(run=links)
    p_hub = sub.add_parser("hub", help="a workshop hub for one machine: JupyterHub with the course for every learner")
    p_hub.add_argument(
        "--password", required=True, help="the shared password learners log in with (8 characters or more)"
    )
    p_hub.add_argument("--ip", default="127.0.0.1", help="address to listen on (0.0.0.0: every network)")
    p_hub.add_argument("--port", type=int, default=8000)
    p_hub.add_argument("--homes", default="backprop-course-hub", help="folder of the learners' homes")
    p_hub.add_argument("--config-dir", help="folder of the hub's own files (default: HOMES/.hub)")
    p_hub.add_argument("--repo", help="git URL or folder the learners pull the course from (default: this checkout)")
    p_hub.add_argument("--branch", default="main")
    p_hub.add_argument("--proxy", help="configurable-http-proxy's program (default: from PATH or $COURSE_HUB_PROXY)")
    p_hub.add_argument("--lang", default=get_language(), help="language of the messages: " + "/".join(LANGUAGES))
    p_hub.set_defaults(run=hub)
    p_lite = sub.add_parser("lite", help="build a static JupyterLite site of the lessons (Python in the browser)")
    p_lite.add_argument("--output", default=str(ROOT / "_output" / "lite"), help="folder of the site")
    p_lite.add_argument("--lang", default=get_language(), help="interface language")
    p_lite.set_defaults(run=lite)
    p_build = sub.add_parser("build", help="execute the lesson sources into lessons/<lang>/")
    p_build.add_argument("--lang", nargs="*", help="languages (default: all)")
    p_build.add_argument("--only", nargs="*", help="lesson number prefixes, e.g. 04 05")
    p_build.add_argument("--no-execute", action="store_true", help="write the text only, without outputs")
    p_build.add_argument("--jobs", type=int, default=2, help="notebooks executed side by side")
    p_build.add_argument(
        "--output", help="write DIR/lessons/<lang>/ instead of the course's lessons/ (a branch to serve)"
    )
    p_build.add_argument(
        "--without-solutions", action="store_true", help="leave the solutions out (with --output: a copy to hand out)"
    )
    p_build.set_defaults(run=build)
    p_i18n = sub.add_parser("i18n", help="translation catalogs (see TRANSLATING.md)")
    p_i18n.add_argument(
        "action",
        choices=["extract", "update", "status", "check"],
        help="extract: templates from sources; update: templates and every language's .po; "
        "status: translated/fuzzy/missing per language and domain; check: every check CI runs",
    )
    p_i18n.add_argument("catalogs", nargs="*", help="check: only these .po files (default: every catalog)")
    p_i18n.set_defaults(run=i18n)
    return p


def main(argv=None) -> int:
    argv = sys.argv[1:] if argv is None else list(argv)
    if argv[:1] == ["check"]:  # before anything imports numpy or Babel: it says when they are missing
        return check.main(argv[1:])
    if MISSING is not None:
        print(f"{MISSING}: `python -m course check` says what to install.", file=sys.stderr)
        return 2
    p = parser()
    args = p.parse_args(argv)
    if args.command == "links":
        if not (args.repo or args.hub):
            p.error("links needs --repo (Binder) and/or --hub (JupyterHub)")
        if args.hub and not (args.repo_url or args.repo):
            p.error("--hub needs --repo-url or --repo")
        args.repo_url = args.repo_url or f"https://github.com/{args.repo}"
    try:
        return args.run(args)
    except CourseError as error:
        print(error, file=sys.stderr)
        return 2
