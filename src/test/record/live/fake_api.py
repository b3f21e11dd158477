"""A stateful stand-in for the Cloudflare API, for recording what wrangler 4.164 sends.

    python3 fake_api.py SEED.json OUT_DIR

Listens on 127.0.0.1 (a free port, written to OUT_DIR/port) and serves /client/v4/... .
It keeps the state the real API keeps for the calls wrangler makes on deploy, triggers,
versions, deployments and rollback (see README.md next to the recordings), starts from
SEED.json (a compact description, expanded here; the expanded state is written to
OUT_DIR/seed.json) and refuses what the real API would refuse (unknown Worker, version or
zone, a deployment whose percentages do not add up to 100, an assets JWT it did not issue,
a migration whose old_tag is not the Worker's tag, an "inherit" binding with nothing to
inherit, ...).

Every exchange is appended to OUT_DIR/requests.json as it happens. A request no handler
models is answered 404 and reported on stderr with UNMODELLED (record.sh fails on it).

Requests are served one at a time (HTTP/1.0, one connection each), so the recorded order
is the order in which wrangler opened its connections, and ids and timestamps come from
counters and a fake clock, never from the real time: a re-recording gives the same bytes.
"""
import base64
import copy
import datetime
import email.parser
import email.policy
import hashlib
import http.server
import json
import re
import sys
import urllib.parse
import uuid

ACCOUNT = r"/accounts/(?P<account>[^/]+)"
SCRIPT = ACCOUNT + r"/workers/scripts/(?P<script>[^/]+)"
DISPATCH = ACCOUNT + r"/workers/dispatch/namespaces/(?P<namespace>[^/]+)/scripts/(?P<script>[^/]+)"
AUTHOR = {"author_email": "dev@example.com", "author_id": "9a7806061c88ada191ed06f989cc3dac"}
COMPLETION_JWT = "COMPLETION.JWT.TOKEN"
# Headers every HTTP client sends; anything else wrangler sets is recorded.
STANDARD_HEADERS = {"host", "connection", "content-length", "transfer-encoding", "authorization",
                    "user-agent", "accept", "accept-encoding", "accept-language", "sec-fetch-mode"}


class ApiError(Exception):
    def __init__(self, status, code, message):
        super().__init__(message)
        self.status, self.code, self.message = status, code, message


def hex_id(*parts):
    return hashlib.md5("/".join(parts).encode()).hexdigest()


class Clock:
    """Fake time: starts at the seed's `now`, one minute later for each thing created."""

    def __init__(self, start):
        self.now = datetime.datetime.strptime(start, "%Y-%m-%dT%H:%M:%SZ")

    def tick(self):
        self.now += datetime.timedelta(minutes=1)
        return self.stamp()

    def stamp(self):
        return self.now.strftime("%Y-%m-%dT%H:%M:%S.000000Z")


class State:
    def __init__(self, seed):
        self.clock = Clock(seed.get("now", "2025-06-01T12:00:00Z"))
        self.counter = 0
        self.account = seed.get("account_id", "acc1")
        self.subdomain = seed.get("subdomain", "acme")
        # wrangler 4.164 reads `url` and `preview_url_suffix` from GET workers/workers/{name}; the
        # public API reference does not list them, so a seed can leave them out.
        self.worker_urls = seed.get("worker_urls", True)
        self.zones = [dict(z, status="active", account={"id": self.account}) for z in seed.get("zones", [])]
        self.routes = []  # zone routes of every Worker: {id, zone_id, pattern, script}
        self.domains = []  # custom domains of every Worker
        self.queues = [self.expand_queue(q) for q in seed.get("queues", [])]
        self.workflows = {w["name"]: w for w in seed.get("workflows", [])}
        self.r2_buckets = [b if isinstance(b, dict) else {"name": b} for b in seed.get("r2_buckets", [])]
        self.kv_namespaces = seed.get("kv_namespaces", [])  # {id, title}
        self.d1_databases = seed.get("d1_databases", [])  # {uuid, name}
        self.ai_search_namespaces = seed.get("ai_search_namespaces", [])  # names
        self.agent_memory_namespaces = seed.get("agent_memory_namespaces", [])  # names
        self.namespaces = {name: {"scripts": {s: self.expand_script(s, spec) for s, spec in ns.get("scripts", {}).items()}}
                           for name, ns in seed.get("dispatch_namespaces", {}).items()}
        self.scripts = {}
        self.jwts = set()
        for route in seed.get("foreign_routes", []):
            self.routes.append({"id": hex_id("route", route["pattern"]), "zone_id": self.zone_for(route["pattern"])["id"],
                                "pattern": route["pattern"], "script": route["script"]})
        for name, spec in seed.get("scripts", {}).items():
            self.scripts[name] = self.expand_script(name, spec)

    # ----- seed expansion -------------------------------------------------------------------
    def next_uuid(self, kind):
        self.counter += 1
        return str(uuid.uuid5(uuid.NAMESPACE_URL, f"fake-api/{kind}/{self.counter}"))

    def expand_queue(self, spec):
        name = spec["name"]
        return {"queue_id": spec.get("id", hex_id("queue", name)), "queue_name": name, "created_on": self.clock.stamp(),
                "modified_on": self.clock.stamp(), "producers": [], "producers_total_count": 0,
                "consumers": spec.get("consumers", []), "consumers_total_count": len(spec.get("consumers", []))}

    def expand_script(self, name, spec):
        created = self.clock.tick()
        script = {
            "name": name, "created_on": created, "modified_on": created,
            "tag": spec.get("tag", hex_id("tag", name)), "tags": spec.get("tags", []),
            "migration_tag": spec.get("migration_tag"), "usage_model": "standard",
            "last_deployed_from": spec.get("last_deployed_from", "wrangler"),
            "handlers": ["fetch"],
            "subdomain": {"enabled": spec.get("workers_dev", False), "previews_enabled": spec.get("previews_enabled", False)},
            "schedules": [{"cron": c, "created_on": created, "modified_on": created} for c in spec.get("schedules", [])],
            "secrets": [{"name": s, "type": "secret_text"} for s in spec.get("secrets", [])],
            "settings": {"logpush": False, "observability": {"enabled": False, "head_sampling_rate": 1},
                         "tail_consumers": None, "tags": spec.get("tags", [])},
            "versions": [], "deployments": [],
            # version id -> names of secrets changed since that version (a rollback to it needs ?force=true)
            "secrets_changed_since": spec.get("secrets_changed_since", {}),
        }
        for number, v in enumerate(spec.get("versions", []), start=1):
            bindings = v.get("bindings", [{"name": "ASSETS", "type": "assets"}])
            bindings = bindings + [{"name": s["name"], "type": "secret_text"} for s in script["secrets"]]
            annotations = {"workers/triggered_by": v.get("triggered_by", "upload")}
            for key in ("message", "tag", "alias"):
                if v.get(key) is not None:
                    annotations["workers/" + key] = v[key]
            script["versions"].append(self.version_object(
                v["id"], number, self.clock.tick(), annotations, bindings, v.get("compatibility_date", "2025-01-01"),
                v.get("compatibility_flags", []), v.get("has_preview", True), v.get("source", "wrangler")))
        for d in spec.get("deployments", []):
            annotations = {"workers/triggered_by": d.get("triggered_by", "upload")}
            if d.get("message") is not None:
                annotations["workers/message"] = d["message"]
            script["deployments"].insert(0, self.deployment_object(
                d.get("id") or self.next_uuid("deployment"), self.clock.tick(),
                [{"version_id": vid, "percentage": pct} for vid, pct in d["versions"]], annotations))
        for route in spec.get("routes", []):
            self.routes.append({"id": hex_id("route", route), "zone_id": self.zone_for(route)["id"], "pattern": route, "script": name})
        for host in spec.get("domains", []):
            self.domains.append(self.domain_object(host, name))
        return script

    def version_object(self, vid, number, created, annotations, bindings, compat_date, compat_flags, has_preview, source="wrangler"):
        return {
            "id": vid, "number": number,
            "metadata": dict(AUTHOR, created_on=created, modified_on=created, source=source, has_preview=has_preview),
            "annotations": annotations,
            "resources": {
                "bindings": bindings,
                "script": {"etag": hex_id("etag", vid) + hex_id("etag2", vid), "handlers": ["fetch"], "last_deployed_from": source},
                "script_runtime": {"compatibility_date": compat_date, "compatibility_flags": compat_flags, "usage_model": "standard"},
            },
        }

    def deployment_object(self, did, created, versions, annotations):
        return dict(AUTHOR, id=did, created_on=created, source="wrangler", strategy="percentage",
                    versions=versions, annotations=annotations)

    def domain_object(self, host, script):
        zone = self.zone_for(host)
        return {"id": hex_id("domain", host), "zone_id": zone["id"], "zone_name": zone["name"], "hostname": host,
                "service": script, "environment": "production", "cert_id": hex_id("cert", host)}

    def dump(self):
        return {"account_id": self.account, "now": self.clock.stamp(), "subdomain": self.subdomain,
                "worker_urls": self.worker_urls, "zones": self.zones, "routes": self.routes, "domains": self.domains,
                "queues": self.queues, "workflows": self.workflows, "r2_buckets": self.r2_buckets,
                "kv_namespaces": self.kv_namespaces, "d1_databases": self.d1_databases,
                "ai_search_namespaces": self.ai_search_namespaces, "agent_memory_namespaces": self.agent_memory_namespaces, "dispatch_namespaces": self.namespaces,
                "scripts": self.scripts}

    # ----- lookups ---------------------------------------------------------------------------
    def check_account(self, account):
        if account != self.account:
            raise ApiError(403, 10000, "Authentication error")

    def script(self, name, code=10007, message="workers.api.error.script_not_found"):
        if name not in self.scripts:
            raise ApiError(404, code, message)
        return self.scripts[name]

    def zone_for(self, pattern):
        host = re.sub(r"^https?://", "", pattern).split("/")[0].lstrip("*.")
        for zone in self.zones:
            if host == zone["name"] or host.endswith("." + zone["name"]):
                return zone
        raise ApiError(400, 10019, f"Could not find a zone for '{pattern}'")

    def version(self, script, vid):
        for v in script["versions"]:
            if v["id"] == vid:
                return v
        # Code and text from wrangler's own test mocks (containers/deploy.test.ts).
        raise ApiError(404, 100146, "The requested Worker version could not be found, please check the ID being passed and try again.")

    def deployed_versions(self, script):
        return script["deployments"][0]["versions"] if script["deployments"] else []


class Api:
    """One method per endpoint; `routes` maps (method, path regex) to them."""

    def __init__(self, state):
        self.s = state
        self.routes = [
            ("GET", ACCOUNT + r"/workers/subdomain$", self.get_account_subdomain),
            ("PUT", ACCOUNT + r"/workers/subdomain$", self.put_account_subdomain),
            ("GET", ACCOUNT + r"/workers/services/(?P<script>[^/]+)$", self.get_service),
            ("GET", ACCOUNT + r"/workers/workers/(?P<script>[^/]+)$", self.get_worker),
            ("PUT", SCRIPT + r"$", self.put_script),
            ("POST", SCRIPT + r"/assets-upload-session$", self.assets_session),
            ("GET", SCRIPT + r"/secrets$", self.get_secrets),
            ("GET", SCRIPT + r"/versions$", self.list_versions),
            ("POST", SCRIPT + r"/versions$", self.post_version),
            ("GET", SCRIPT + r"/versions/(?P<version>[^/]+)$", self.get_version),
            ("GET", SCRIPT + r"/deployments$", self.list_deployments),
            ("POST", SCRIPT + r"/deployments$", self.post_deployment),
            ("GET", SCRIPT + r"/settings$", self.get_legacy_settings),
            ("GET", SCRIPT + r"/script-settings$", self.get_settings),
            ("PATCH", SCRIPT + r"/script-settings$", self.patch_settings),
            ("GET", SCRIPT + r"/subdomain$", self.get_script_subdomain),
            ("POST", SCRIPT + r"/subdomain$", self.post_script_subdomain),
            ("GET", SCRIPT + r"/routes$", self.get_routes),
            ("PUT", SCRIPT + r"/routes$", self.put_routes),
            ("POST", SCRIPT + r"/domains/changeset$", self.domains_changeset),
            ("PUT", SCRIPT + r"/domains/records$", self.put_domains),
            ("GET", ACCOUNT + r"/workers/domains/records/(?P<domain>[^/]+)$", self.get_domain),
            ("GET", SCRIPT + r"/schedules$", self.get_schedules),
            ("PUT", SCRIPT + r"/schedules$", self.put_schedules),
            ("GET", DISPATCH + r"$", self.get_dispatch_script),
            ("PUT", DISPATCH + r"$", self.put_dispatch_script),
            ("POST", DISPATCH + r"/assets-upload-session$", self.assets_session),
            ("GET", r"/zones$", self.list_zones),
            ("GET", r"/zones/(?P<zone>[^/]+)/workers/routes$", self.list_zone_routes),
            ("GET", ACCOUNT + r"/queues$", self.list_queues),
            ("POST", ACCOUNT + r"/queues$", self.create_queue),
            ("GET", ACCOUNT + r"/r2/buckets$", self.list_r2_buckets),
            ("POST", ACCOUNT + r"/r2/buckets$", self.create_r2_bucket),
            ("GET", ACCOUNT + r"/r2/buckets/(?P<bucket>[^/]+)$", self.get_r2_bucket),
            ("GET", ACCOUNT + r"/storage/kv/namespaces$", self.list_kv_namespaces),
            ("POST", ACCOUNT + r"/storage/kv/namespaces$", self.create_kv_namespace),
            ("GET", ACCOUNT + r"/d1/database$", self.list_d1_databases),
            ("POST", ACCOUNT + r"/d1/database$", self.create_d1_database),
            ("GET", ACCOUNT + r"/d1/database/(?P<database>[^/]+)$", self.get_d1_database),
            ("GET", ACCOUNT + r"/ai-search/namespaces/(?P<name>[^/]+)$", self.get_ai_search_namespace),
            ("POST", ACCOUNT + r"/ai-search/namespaces$", self.create_ai_search_namespace),
            ("GET", ACCOUNT + r"/agent-memory/namespaces/(?P<name>[^/]+)$", self.get_agent_memory_namespace),
            ("POST", ACCOUNT + r"/agent-memory/namespaces$", self.create_agent_memory_namespace),
            ("PUT", ACCOUNT + r"/workflows/(?P<workflow>[^/]+)$", self.put_workflow),
            ("GET", ACCOUNT + r"/workers/dispatch/namespaces$", self.list_namespaces),
            ("GET", ACCOUNT + r"/workflows/(?P<workflow>[^/]+)$", self.get_workflow),
        ]

    # ----- account ---------------------------------------------------------------------------
    def get_account_subdomain(self, req, account):
        if self.s.subdomain is None:
            raise ApiError(404, 10007, "workers.api.error.not_found")
        return {"subdomain": self.s.subdomain}

    def put_account_subdomain(self, req, account):
        name = req.json_body()["subdomain"]
        self.s.subdomain = name
        return {"subdomain": name}

    def get_service(self, req, account, script):
        sc = self.s.script(script, 10090, "workers.api.error.service_not_found")
        script_info = {"id": script, "tag": sc["tag"], "tags": sc["tags"], "etag": self.etag(sc),
                       "handlers": sc["handlers"], "modified_on": sc["modified_on"], "created_on": sc["created_on"],
                       "migration_tag": sc["migration_tag"], "usage_model": sc["usage_model"],
                       "compatibility_date": self.current_runtime(sc).get("compatibility_date"),
                       "last_deployed_from": sc["last_deployed_from"]}
        return {"id": script, "default_environment": {"environment": "production", "created_on": sc["created_on"],
                                                       "modified_on": sc["modified_on"], "script": script_info},
                "created_on": sc["created_on"], "modified_on": sc["modified_on"]}

    def get_worker(self, req, account, script):
        sc = self.s.script(script)
        sub = dict(sc["subdomain"])
        if self.s.worker_urls and self.s.subdomain:
            sub["url"] = f"https://{script}.{self.s.subdomain}.workers.dev"
            sub["preview_url_suffix"] = f"-{script}.{self.s.subdomain}.workers.dev"
        return {"id": sc["tag"], "name": script, "created_on": sc["created_on"], "updated_on": sc["modified_on"],
                "logpush": sc["settings"]["logpush"], "observability": sc["settings"]["observability"],
                "subdomain": sub, "tags": sc["tags"], "tail_consumers": sc["settings"]["tail_consumers"] or []}

    # ----- uploads ---------------------------------------------------------------------------
    def assets_session(self, req, account, script, namespace=None):
        manifest = req.json_body().get("manifest")
        if not isinstance(manifest, dict):
            raise ApiError(400, 10021, "manifest is required")
        for path, entry in manifest.items():
            if not path.startswith("/") or not re.fullmatch(r"[0-9a-f]{32}", entry.get("hash", "")) or "size" not in entry:
                raise ApiError(400, 10021, f"invalid manifest entry {path}")
        self.s.jwts.add(COMPLETION_JWT)
        return {"jwt": COMPLETION_JWT, "buckets": []}

    def put_script(self, req, account, script):
        metadata, parts = req.worker_upload()
        existing = self.s.scripts.get(script)
        if existing is None:
            existing = self.s.scripts[script] = self.s.expand_script(script, {"workers_dev": False, "previews_enabled": False})
        version = self.new_version(existing, metadata, parts, req.query)
        self.apply_migrations(existing, metadata)
        self.add_deployment(existing, [{"version_id": version["id"], "percentage": 100}],
                            (metadata.get("annotations") or {}).get("workers/message"), "upload")
        self.apply_script_settings(existing, metadata)
        return self.script_object(script, existing, version)

    def put_dispatch_script(self, req, account, namespace, script):
        metadata, parts = req.worker_upload()
        ns = self.namespace(namespace)
        existing = ns["scripts"].get(script)
        if existing is None:
            existing = ns["scripts"][script] = self.s.expand_script(script, {})
        version = self.new_version(existing, metadata, parts, req.query)
        self.apply_migrations(existing, metadata)
        self.add_deployment(existing, [{"version_id": version["id"], "percentage": 100}], None, "upload")
        return self.script_object(script, existing, version)

    def get_dispatch_script(self, req, account, namespace, script):
        ns = self.namespace(namespace)
        if script not in ns["scripts"]:
            raise ApiError(404, 10092, "workers.api.error.script_not_found_in_namespace")
        sc = ns["scripts"][script]
        return {"created_on": sc["created_on"], "modified_on": sc["modified_on"], "dispatch_namespace": namespace,
                "script": {"id": script, "etag": self.etag(sc), "handlers": sc["handlers"], "migration_tag": sc["migration_tag"],
                           "created_on": sc["created_on"], "modified_on": sc["modified_on"], "usage_model": "standard"}}

    def namespace(self, name):
        if name not in self.s.namespaces:
            raise ApiError(404, 100119, f"Dispatch namespace '{name}' not found")
        return self.s.namespaces[name]

    def post_version(self, req, account, script):
        sc = self.s.script(script)
        metadata, parts = req.worker_upload()
        if metadata.get("migrations"):
            raise ApiError(400, 10211, "Durable Object migrations cannot be applied by a version upload; deploy instead")
        version = self.new_version(sc, metadata, parts, req.query)
        return dict(version, startup_time_ms=5)

    def new_version(self, sc, metadata, parts, query):
        if metadata.get("main_module") is None and metadata.get("body_part") is None and "assets" not in metadata:
            raise ApiError(400, 10021, "metadata must name main_module or body_part")
        module = metadata.get("main_module") or metadata.get("body_part")
        if module is not None and module not in parts:
            raise ApiError(400, 10021, f"No such module '{module}' in the upload")
        assets = metadata.get("assets")
        if assets is not None and assets.get("jwt") not in self.s.jwts:
            raise ApiError(400, 10021, "assets.jwt was not issued by an assets upload session")
        if assets is not None:
            sc["has_assets"] = True
        bindings = self.resolve_bindings(sc, metadata, "strict" in (query.get("bindings_inherit") or []))
        annotations = {"workers/triggered_by": "upload"}
        for key, value in (metadata.get("annotations") or {}).items():
            if value is not None:
                annotations[key] = value
        number = len(sc["versions"]) + 1
        has_preview = not any(b["type"] == "durable_object_namespace" and "script_name" not in b for b in bindings) \
            and not metadata.get("migrations")
        version = self.s.version_object(self.s.next_uuid("version"), number, self.s.clock.tick(), annotations, bindings,
                                        metadata.get("compatibility_date"), metadata.get("compatibility_flags", []),
                                        has_preview)
        if module is None:
            version["resources"]["script"]["handlers"] = []
        version["resources"]["script"]["etag"] = hashlib.sha256(json.dumps(metadata, sort_keys=True).encode()
                                                                + b"".join(parts.values())).hexdigest()
        sc["versions"].append(version)
        sc["modified_on"] = version["metadata"]["created_on"]
        return version

    def resolve_bindings(self, sc, metadata, strict):
        """A version has the bindings listed, plus the previous version's bindings of the kept types."""
        previous = self.current_version(sc)
        before = {b["name"]: b for b in (previous["resources"]["bindings"] if previous else [])}
        kept = set(metadata.get("keep_bindings", []))
        result, names = [], set()
        for b in metadata.get("bindings", []):
            if "name" not in b or "type" not in b:
                raise ApiError(400, 10021, f"binding {json.dumps(b)} needs a name and a type")
            if b["name"] in names:
                raise ApiError(400, 10021, f"binding name '{b['name']}' is used twice")
            names.add(b["name"])
            if b["type"] == "inherit":
                if b["name"] not in before:
                    if strict:
                        # wrangler matches the start of this text to name a missing required secret.
                        raise ApiError(400, 10057, f"inherit binding '{b['name']}' is invalid: the previous version has no binding of that name")
                    continue
                result.append(before[b["name"]])
            else:
                result.append(b)
        for name, b in before.items():
            if name not in names and b["type"] in kept:
                result.append(b)
        return result

    def apply_migrations(self, sc, metadata):
        migrations = metadata.get("migrations")
        if not migrations:
            return
        if migrations.get("old_tag") != sc["migration_tag"]:
            raise ApiError(400, 10079, f"migration old_tag {migrations.get('old_tag')!r} does not match "
                                       f"the Worker's migration tag {sc['migration_tag']!r}")
        sc["migration_tag"] = migrations.get("new_tag")

    def apply_script_settings(self, sc, metadata):
        for key in ("logpush", "observability", "tail_consumers"):
            if key in metadata:
                sc["settings"][key] = metadata[key]

    def script_object(self, name, sc, version):
        return {"id": name, "tag": sc["tag"], "tags": sc["tags"], "etag": version["resources"]["script"]["etag"],
                "handlers": version["resources"]["script"]["handlers"], "created_on": sc["created_on"],
                "modified_on": sc["modified_on"], "deployment_id": version["id"], "migration_tag": sc["migration_tag"],
                "usage_model": "standard", "compatibility_date": version["resources"]["script_runtime"]["compatibility_date"],
                "compatibility_flags": version["resources"]["script_runtime"]["compatibility_flags"],
                "has_assets": bool(sc.get("has_assets")), "has_modules": bool(version["resources"]["script"]["handlers"]),
                "logpush": sc["settings"]["logpush"], "placement_mode": None, "startup_time_ms": 5,
                "last_deployed_from": "wrangler"}

    def etag(self, sc):
        current = self.current_version(sc)
        return current["resources"]["script"]["etag"] if current else hex_id("etag", sc["name"])

    def current_version(self, sc):
        deployed = self.s.deployed_versions(sc)
        if deployed:
            return self.s.version(sc, max(deployed, key=lambda v: v["percentage"])["version_id"])
        return sc["versions"][-1] if sc["versions"] else None

    def current_runtime(self, sc):
        current = self.current_version(sc)
        return current["resources"]["script_runtime"] if current else {}

    def get_secrets(self, req, account, script):
        return self.s.script(script)["secrets"]

    # ----- versions and deployments -----------------------------------------------------------
    def list_versions(self, req, account, script):
        sc = self.s.script(script)
        items = list(reversed(sc["versions"]))
        if req.query.get("deployable") == ["true"]:
            items = items[:100]
        return {"items": items}

    def get_version(self, req, account, script, version):
        return self.s.version(self.s.script(script), version)

    def list_deployments(self, req, account, script):
        return {"deployments": self.s.script(script)["deployments"]}

    def post_deployment(self, req, account, script):
        sc = self.s.script(script)
        body = req.json_body()
        if body.get("strategy") != "percentage":
            raise ApiError(400, 10021, "strategy must be 'percentage'")
        versions = body.get("versions") or []
        if not 1 <= len(versions) <= 2:
            raise ApiError(400, 10021, "a deployment has one or two versions")
        if abs(sum(v.get("percentage", 0) for v in versions) - 100) > 1e-9:
            raise ApiError(400, 10021, "the percentages of a deployment must add up to 100")
        if len({v["version_id"] for v in versions}) != len(versions):
            raise ApiError(400, 10021, "a version is listed twice")
        for v in versions:
            self.s.version(sc, v["version_id"])
        changed = sc["secrets_changed_since"].get(versions[0]["version_id"]) if len(versions) == 1 else None
        if changed and req.query.get("force") != ["true"]:
            # wrangler's rollback reads the names after this sentence and asks to retry with ?force=true;
            # the wording before it is the fake's own.
            raise ApiError(400, 10220, "Secrets have changed since this version was deployed. "
                                       "The following secrets have changed: " + ", ".join(changed))
        message = (body.get("annotations") or {}).get("workers/message")
        # Whether the API tells a rollback from a promotion this way is a guess; wrangler only prints it.
        current = self.s.deployed_versions(sc)
        newest_current = max((self.s.version(sc, v["version_id"])["number"] for v in current), default=0)
        rollback = len(versions) == 1 and self.s.version(sc, versions[0]["version_id"])["number"] < newest_current
        triggered_by = "rollback" if rollback else "promotion"
        return self.add_deployment(sc, [{"version_id": v["version_id"], "percentage": v["percentage"]} for v in versions],
                                   message, triggered_by)

    def add_deployment(self, sc, versions, message, triggered_by):
        annotations = {"workers/triggered_by": triggered_by}
        if message is not None:
            annotations["workers/message"] = message
        deployment = self.s.deployment_object(self.s.next_uuid("deployment"), self.s.clock.tick(), versions, annotations)
        sc["deployments"].insert(0, deployment)
        return deployment

    def get_legacy_settings(self, req, account, script):
        """The Worker's settings as the current deployment has them, bindings included."""
        sc = self.s.script(script)
        current = self.current_version(sc)
        runtime = current["resources"]["script_runtime"] if current else {}
        return {"bindings": current["resources"]["bindings"] if current else [],
                "compatibility_date": runtime.get("compatibility_date"),
                "compatibility_flags": runtime.get("compatibility_flags", []),
                "logpush": sc["settings"]["logpush"], "observability": sc["settings"]["observability"],
                "tail_consumers": sc["settings"]["tail_consumers"], "tags": sc["tags"], "usage_model": "standard",
                "placement": {}, "limits": {}}

    def get_settings(self, req, account, script):
        return self.s.script(script)["settings"]

    def patch_settings(self, req, account, script):
        sc = self.s.script(script)
        body = req.json_body()
        for key, value in body.items():
            if key not in ("logpush", "observability", "tail_consumers", "streaming_tail_consumers", "tags"):
                raise ApiError(400, 10021, f"unknown script setting '{key}'")
            sc["settings"][key] = value
            if key == "tags":
                sc["tags"] = value
        return sc["settings"]

    # ----- triggers ----------------------------------------------------------------------------
    def get_script_subdomain(self, req, account, script):
        return self.s.script(script)["subdomain"]

    def post_script_subdomain(self, req, account, script):
        sc = self.s.script(script)
        body = req.json_body()
        if not isinstance(body.get("enabled"), bool):
            raise ApiError(400, 10021, "enabled must be a boolean")
        sc["subdomain"]["enabled"] = body["enabled"]
        # Without previews_enabled the API sets Preview URLs to the same value as enabled.
        sc["subdomain"]["previews_enabled"] = body.get("previews_enabled", body["enabled"])
        return dict(sc["subdomain"])

    def get_routes(self, req, account, script):
        self.s.script(script)
        return [self.route_view(r) for r in self.s.routes if r["script"] == script]

    def put_routes(self, req, account, script):
        self.s.script(script)
        body = req.json_body()
        if not isinstance(body, list):
            raise ApiError(400, 10021, "a list of routes is expected")
        new = []
        for route in body:
            pattern = route.get("pattern")
            if not pattern:
                raise ApiError(400, 10021, "a route needs a pattern")
            if "zone_id" in route:
                zone = next((z for z in self.s.zones if z["id"] == route["zone_id"]), None)
                if zone is None:
                    raise ApiError(400, 10019, f"zone {route['zone_id']} not found")
            elif "zone_name" in route:
                zone = next((z for z in self.s.zones if z["name"] == route["zone_name"]), None)
                if zone is None:
                    raise ApiError(400, 10019, f"zone {route['zone_name']} not found")
            else:
                zone = self.s.zone_for(pattern)
            other = next((r for r in self.s.routes if r["pattern"] == pattern and r["script"] != script), None)
            if other:
                raise ApiError(409, 10020, f"route '{pattern}' is already assigned to Worker '{other['script']}'")
            new.append({"id": hex_id("route", pattern), "zone_id": zone["id"], "pattern": pattern, "script": script,
                        **({"zone_name": route["zone_name"]} if "zone_name" in route else {})})
        self.s.routes = [r for r in self.s.routes if r["script"] != script] + new
        return [self.route_view(r) for r in new]

    def route_view(self, r):
        return {"id": r["id"], "pattern": r["pattern"], "script": r["script"], "zone_id": r["zone_id"],
                "zone_name": next(z["name"] for z in self.s.zones if z["id"] == r["zone_id"])}

    def list_zone_routes(self, req, zone):
        if not any(z["id"] == zone for z in self.s.zones):
            raise ApiError(404, 1001, "Invalid zone identifier")
        return [{"id": r["id"], "pattern": r["pattern"], "script": r["script"]} for r in self.s.routes if r["zone_id"] == zone]

    def domains_changeset(self, req, account, script):
        self.s.script(script)
        if req.query.get("replace_state") != ["true"]:
            raise ApiError(400, 10021, "only replace_state=true is modelled")
        origins = req.json_body()
        wanted = {o["hostname"]: o for o in origins}
        for host in wanted:
            self.s.zone_for(host)
        current = {d["hostname"]: d for d in self.s.domains}
        added, updated = [], []
        for host, o in wanted.items():
            d = current.get(host)
            if d is None:
                added.append({k: v for k, v in self.s.domain_object(host, script).items() if k != "id"})
            elif d["service"] != script:
                updated.append(dict(d, service=script, modified=True))
        removed = [d for d in self.s.domains if d["service"] == script and d["hostname"] not in wanted]
        return {"added": added, "removed": removed, "updated": updated, "conflicting": []}

    def put_domains(self, req, account, script):
        self.s.script(script)
        body = req.json_body()
        for key in ("origins", "override_scope", "override_existing_origin", "override_existing_dns_record"):
            if key not in body:
                raise ApiError(400, 10021, f"{key} is required")
        hosts = [o["hostname"] for o in body["origins"]]
        for host in hosts:
            other = next((d for d in self.s.domains if d["hostname"] == host and d["service"] != script), None)
            if other and not body["override_existing_origin"]:
                raise ApiError(409, 100117, f"{host} is already a custom domain of Worker '{other['service']}'")
        self.s.domains = [d for d in self.s.domains if d["hostname"] not in hosts and
                          not (body["override_scope"] and d["service"] == script)]
        new = [self.s.domain_object(host, script) for host in hosts]
        self.s.domains += new
        return new

    def get_domain(self, req, account, domain):
        for d in self.s.domains:
            if d["id"] == domain:
                return d
        raise ApiError(404, 100114, "Domain not found")

    def get_schedules(self, req, account, script):
        return {"schedules": self.s.script(script)["schedules"]}

    def put_schedules(self, req, account, script):
        sc = self.s.script(script)
        body = req.json_body()
        if not isinstance(body, list) or any(not isinstance(c, dict) or not isinstance(c.get("cron"), str) for c in body):
            raise ApiError(400, 10021, 'a list of {"cron": "..."} is expected')
        now = self.s.clock.stamp()
        sc["schedules"] = [{"cron": c["cron"], "created_on": now, "modified_on": now} for c in body]
        return {"schedules": sc["schedules"]}

    # ----- other resources ----------------------------------------------------------------------
    def list_zones(self, req):
        names = req.query.get("name")
        zones = [z for z in self.s.zones if not names or z["name"] in names]
        return Listed(zones)

    def list_queues(self, req, account):
        names = req.query.get("name")
        return Listed([q for q in self.s.queues if not names or q["queue_name"] in names])

    def create_queue(self, req, account):
        name = req.json_body().get("queue_name")
        if not name or any(q["queue_name"] == name for q in self.s.queues):
            raise ApiError(400, 11009, f"Queue name '{name}' is missing or taken")
        queue = self.s.expand_queue({"name": name})
        self.s.queues.append(queue)
        return queue

    def list_r2_buckets(self, req, account):
        jurisdiction = req.headers.get("cf-r2-jurisdiction")
        return {"buckets": [{"name": b["name"], "creation_date": "2025-01-01T00:00:00.000Z"}
                            for b in self.s.r2_buckets if b.get("jurisdiction") == jurisdiction]}

    def create_r2_bucket(self, req, account):
        name = req.json_body().get("name")
        jurisdiction = req.headers.get("cf-r2-jurisdiction")
        if not name or not re.fullmatch(r"[a-z0-9][a-z0-9-]{1,61}[a-z0-9]", name):
            raise ApiError(400, 10005, f"The bucket name '{name}' is not valid.")
        if any(b["name"] == name for b in self.s.r2_buckets):
            raise ApiError(409, 10004, "The bucket you tried to create already exists, and you own it.")
        self.s.r2_buckets.append({"name": name, **({"jurisdiction": jurisdiction} if jurisdiction else {})})
        return {"name": name, "creation_date": self.s.clock.stamp(), "location": "WEUR"}

    def list_kv_namespaces(self, req, account):
        return sorted(self.s.kv_namespaces, key=lambda n: n["title"])

    def create_kv_namespace(self, req, account):
        title = req.json_body().get("title")
        if not title or any(n["title"] == title for n in self.s.kv_namespaces):
            raise ApiError(400, 10014, f"A namespace with the title '{title}' already exists or the title is missing.")
        namespace = {"id": hex_id("kv", title), "title": title, "supports_url_encoding": True}
        self.s.kv_namespaces.append(namespace)
        return namespace

    def list_d1_databases(self, req, account):
        return self.s.d1_databases

    def get_d1_database(self, req, account, database):
        for db in self.s.d1_databases:
            if database in (db["uuid"], db["name"]):
                return db
        raise ApiError(404, 7404, f"The database {database} could not be found")

    def create_d1_database(self, req, account):
        body = req.json_body()
        if any(db["name"] == body.get("name") for db in self.s.d1_databases):
            raise ApiError(400, 7502, "A database with that name already exists")
        db = {"uuid": str(uuid.uuid5(uuid.NAMESPACE_URL, "fake-api/d1/" + body["name"])), "name": body["name"],
              "created_at": self.s.clock.stamp(), "version": "production",
              **({"jurisdiction": body["jurisdiction"]} if body.get("jurisdiction") else {})}
        self.s.d1_databases.append(db)
        return db

    def get_ai_search_namespace(self, req, account, name):
        if name not in self.s.ai_search_namespaces:
            raise ApiError(404, 7003, "namespace not found")
        return {"name": name}

    def create_ai_search_namespace(self, req, account):
        name = req.json_body()["name"]
        self.s.ai_search_namespaces.append(name)
        return {"name": name}

    def get_agent_memory_namespace(self, req, account, name):
        if name not in self.s.agent_memory_namespaces:
            raise ApiError(404, 7003, "namespace not found")
        return {"name": name}

    def create_agent_memory_namespace(self, req, account):
        name = req.json_body()["name"]
        self.s.agent_memory_namespaces.append(name)
        return {"name": name}

    def put_workflow(self, req, account, workflow):
        body = req.json_body()
        if not body.get("script_name") or not body.get("class_name"):
            raise ApiError(400, 10021, "script_name and class_name are required")
        if body["script_name"] not in self.s.scripts:
            raise ApiError(400, 10007, f"Worker {body['script_name']} does not exist")
        existing = self.s.workflows.get(workflow)
        now = self.s.clock.stamp()
        self.s.workflows[workflow] = dict(body, id=hex_id("workflow", workflow), name=workflow,
                                          created_on=existing["created_on"] if existing else now, modified_on=now)
        return self.s.workflows[workflow]

    def get_r2_bucket(self, req, account, bucket):
        jurisdiction = req.headers.get("cf-r2-jurisdiction")
        if not any(b["name"] == bucket and b.get("jurisdiction") == jurisdiction for b in self.s.r2_buckets):
            raise ApiError(404, 10006, "The specified bucket does not exist.")
        return {"name": bucket, "creation_date": "2025-01-01T00:00:00.000Z", "location": "WEUR", "storage_class": "Standard",
                **({"jurisdiction": jurisdiction} if jurisdiction else {})}

    def list_namespaces(self, req, account):
        return Listed([{"namespace_id": hex_id("namespace", name), "namespace_name": name, "created_on": "2025-01-01T00:00:00.000000Z",
                        "modified_on": "2025-01-01T00:00:00.000000Z", "script_count": len(ns["scripts"])}
                       for name, ns in self.s.namespaces.items()])

    def get_workflow(self, req, account, workflow):
        if workflow not in self.s.workflows:
            raise ApiError(404, 10200, "Workflow not found")
        return self.s.workflows[workflow]


class Listed(list):
    """A list result: sent with a result_info page block."""


class Request:
    def __init__(self, method, path, query, headers, body):
        self.method, self.path, self.query_raw, self.headers, self.body = method, path, query, headers, body
        self.query = urllib.parse.parse_qs(query, keep_blank_values=True) if query is not None else {}
        self._parts = None

    def content_type(self):
        return self.headers.get("content-type", "")

    def json_body(self):
        try:
            return json.loads(self.body.decode())
        except ValueError:
            raise ApiError(400, 10026, "the request body is not JSON")

    def multipart(self):
        if self._parts is None:
            if not self.content_type().startswith("multipart/form-data"):
                raise ApiError(400, 10026, "a multipart/form-data body is expected")
            message = email.parser.BytesParser(policy=email.policy.HTTP).parsebytes(
                b"Content-Type: " + self.content_type().encode() + b"\r\n\r\n" + self.body)
            self._parts = []
            for part in message.iter_parts():
                self._parts.append({"name": part.get_param("name", header="content-disposition"),
                                    "filename": part.get_filename(), "contentType": part.get("content-type"),
                                    "bytes": part.get_payload(decode=True) or b""})
        return self._parts

    def worker_upload(self):
        parts = self.multipart()
        meta = [p for p in parts if p["name"] == "metadata"]
        if len(meta) != 1:
            raise ApiError(400, 10021, "exactly one metadata part is expected")
        try:
            metadata = json.loads(meta[0]["bytes"].decode())
        except ValueError:
            raise ApiError(400, 10021, "metadata is not JSON")
        return metadata, {p["name"]: p["bytes"] for p in parts if p["name"] != "metadata"}

    def recorded(self):
        entry = {"method": self.method, "path": self.path, "query": self.query_raw, "headers": self.recorded_headers()}
        if self.content_type().startswith("multipart/form-data"):
            try:
                entry["multipart"] = [recorded_part(p) for p in self.multipart()]
            except ApiError:
                entry["body"] = self.body.decode(errors="replace")
        elif self.body:
            try:
                entry["json"] = json.loads(self.body.decode())
            except ValueError:
                entry["body"] = self.body.decode(errors="replace")
            manifest = entry.get("json", {}).get("manifest") if isinstance(entry.get("json"), dict) else None
            if self.path.endswith("/assets-upload-session") and isinstance(manifest, dict):
                # wrangler adds each file when its stat() returns, so its key order varies run to run.
                entry["json"]["manifest"] = dict(sorted(manifest.items()))
        return entry

    def recorded_headers(self):
        headers = {}
        for name, value in self.headers.items():
            if name in STANDARD_HEADERS:
                continue
            if name == "content-type" and value.startswith("multipart/form-data"):
                value = "multipart/form-data"
            headers[name] = value
        return dict(sorted(headers.items()))


def recorded_part(p):
    part = {"name": p["name"], "filename": p["filename"], "contentType": p["contentType"]}
    if p["name"] == "metadata" and p["filename"] is None:
        part["json"] = json.loads(p["bytes"].decode())
        return part
    try:
        part["body"] = p["bytes"].decode()
    except UnicodeDecodeError:
        part["base64"] = base64.b64encode(p["bytes"]).decode()
    return part


def envelope(result=None, errors=None):
    body = {"success": not errors, "errors": errors or [], "messages": [], "result": result}
    if isinstance(result, Listed):
        body["result"] = list(result)
        body["result_info"] = {"page": 1, "per_page": 50, "count": len(result), "total_count": len(result)}
    return body


def make_handler(api, out_dir, log):
    def handle(self):
        length = int(self.headers.get("Content-Length") or 0)
        body = self.rfile.read(length) if length else b""
        target = urllib.parse.urlsplit(self.path)
        path = target.path
        query = target.query if "?" in self.path else None
        headers = {k.lower(): v for k, v in self.headers.items()}
        if not path.startswith("/client/v4/"):
            return self.reply(404, envelope(errors=[{"code": 7003, "message": "No route for that URI"}]))
        req = Request(self.command, path[len("/client/v4"):], query, headers, body)
        if headers.get("authorization") != "Bearer " + api.token:
            status, response = 400, envelope(errors=[{"code": 9106, "message": "Missing X-Auth-Key, X-Auth-Email or Authorization headers"}])
        else:
            status, response = dispatch(api, req)
        entry = req.recorded()
        entry["response"] = {"status": status, "json": copy.deepcopy(response)}
        log.append(entry)
        with open(f"{out_dir}/requests.json", "w") as f:
            json.dump(log, f, indent=2, sort_keys=False, ensure_ascii=False)
            f.write("\n")
        self.reply(status, response)

    def reply(self, status, response):
        data = json.dumps(response).encode()
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    attrs = {"do_" + m: handle for m in ("GET", "POST", "PUT", "PATCH", "DELETE")}
    attrs["reply"] = reply
    attrs["log_message"] = lambda self, *args: None
    return type("Handler", (http.server.BaseHTTPRequestHandler,), attrs)


def dispatch(api, req):
    for method, pattern, fn in api.routes:
        m = re.fullmatch(pattern, req.path)
        if m and method == req.method:
            snapshot = copy.deepcopy(api.s.__dict__)
            try:
                if "account" in m.groupdict():
                    api.s.check_account(m.group("account"))
                return 200, envelope(fn(req, **m.groupdict()))
            except ApiError as e:
                api.s.__dict__.update(snapshot)  # a refused request changes nothing
                return e.status, envelope(errors=[{"code": e.code, "message": e.message}])
    print(f"UNMODELLED {req.method} {req.path}{'?' + req.query_raw if req.query_raw is not None else ''}",
          file=sys.stderr, flush=True)
    return 404, envelope(errors=[{"code": 7003, "message": f"No route for that URI (unmodelled by the fake: {req.method} {req.path})"}])


class Server(http.server.HTTPServer):
    request_queue_size = 64  # wrangler opens several connections at once in the triggers phase


def main():
    seed_file, out_dir = sys.argv[1], sys.argv[2]
    with open(seed_file) as f:
        seed = json.load(f)
    state = State(seed)
    api = Api(state)
    api.token = seed.get("token", "fake-token")
    with open(f"{out_dir}/seed.json", "w") as f:
        json.dump(state.dump(), f, indent=2, ensure_ascii=False)
        f.write("\n")
    log = []
    server = Server(("127.0.0.1", 0), make_handler(api, out_dir, log))
    with open(f"{out_dir}/port", "w") as f:
        f.write(str(server.server_address[1]))
    server.serve_forever()


if __name__ == "__main__":
    main()
