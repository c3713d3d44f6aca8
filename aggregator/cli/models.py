"""`newsdesk models list|install`: the Argos packages the translator uses."""

from __future__ import annotations

import click

from .common import Context, format_option, pass_ctx, print_json


@click.group()
def models() -> None:
    """Argos translation packages (installed into Argos's own packages folder)."""


@models.command("list")
@format_option("table", "json")
def list_models(fmt: str) -> None:
    """Installed translation packages."""
    from aggregator.core import list_models
    from translators.packages import packages_dir

    pkgs = list_models()
    if fmt == "json":
        print_json(
            {
                "packages_dir": str(packages_dir()),
                "models": [
                    {
                        "from": p.from_code,
                        "to": p.to_code,
                        "version": p.version,
                        "name": p.name,
                        "path": str(p.path),
                    }
                    for p in pkgs
                ],
            }
        )
        return
    if not pkgs:
        click.echo(f"no models installed in {packages_dir()} (newsdesk models install en zh)")
    for p in pkgs:
        click.echo(f"{p.from_code}->{p.to_code}  {p.version or '-':<6} {p.name}")


@models.command("install")
@click.argument("args", nargs=-1, required=True, metavar="FILE.argosmodel | FROM TO")
@pass_ctx
def install(obj: Context, args: tuple[str, ...]) -> None:
    """Install a package file, or the FROM->TO package from the Argos package index
    (ARGOS_PACKAGE_INDEX or Argos's setting)."""
    from aggregator.core import install_model

    pkg = install_model(args)
    if obj.verbose:
        click.echo(
            f"installed {pkg.from_code}->{pkg.to_code} {pkg.version} at {pkg.path}", err=True
        )


def register(group: click.Group) -> None:
    group.add_command(models)
