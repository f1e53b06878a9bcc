# workerd config for the runtime matrix. The socket address is set on the command line
# (--socket-addr http=127.0.0.1:PORT); worker.js is the esbuild bundle written beside this file.
using Workerd = import "/workerd/workerd.capnp";

const config :Workerd.Config = (
  services = [
    (name = "smoke", worker = .smokeWorker),
    # workerd's default global outbound refuses private and loopback addresses; the mock of
    # Coinme listens on 127.0.0.1, so fetch() goes through this one, limited to loopback.
    (name = "loopback", network = (allow = ["local"])),
  ],
  sockets = [ (name = "http", address = "127.0.0.1:0", http = (), service = "smoke") ],
);

const smokeWorker :Workerd.Worker = (
  modules = [ (name = "worker.js", esModule = embed "worker.js") ],
  compatibilityDate = "2025-09-01",
  globalOutbound = "loopback",
);
