# Sourced by the end-to-end tests that serve a store: start `csto-kg serve` in the
# background and wait for it. The caller defines fail MESSAGE (which exits) and stops
# serve_pid when it is done.

# serve_start STORE DIR [SERVE-ARGS...]: serve STORE (output in DIR/url, DIR/serve.err);
# sets serve_pid and URL once STORE.serve is there (120 s at most).
serve_start() {
  local store=$1 dir=$2
  shift 2
  "$CSTO_KG" serve --store "$store" "$@" > "$dir/url" 2> "$dir/serve.err" &
  serve_pid=$!
  for _ in $(seq 1 600); do
    [ -f "$store.serve" ] && break
    kill -0 "$serve_pid" 2>/dev/null || fail "serve exited: $(cat "$dir/serve.err")"
    sleep 0.2
  done
  [ -f "$store.serve" ] || fail "no $store.serve after 120 s"
  URL=$(cat "$dir/url")
}
