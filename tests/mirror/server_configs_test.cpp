// The generated nginx.conf and torrc are accepted by nginx -t and tor --verify-config, run
// in the test's own directory without privileges or network.
#include <cstdlib>

#include "mirror/server_configs.hpp"
#include "mirror_fixture.hpp"

namespace jz::mirror::testing {
namespace {

class MirrorServerConfigs : public MirrorTest {
 protected:
  // Runs `command`, its output kept in a file; the exit status.
  int run(const std::string& command, std::string& output) {
    const fs::path log = tmp("command.log");
    const int rc = std::system((command + " >'" + log.string() + "' 2>&1").c_str());
    output = read(log);
    return rc;
  }
};

TEST_F(MirrorServerConfigs, NginxAcceptsTheConfig) {
  fs::path site = make_site();
  fs::path state = tmp("nginx-state");
  fs::create_directories(state);
  for (bool gz : {false, true}) {
    auto conf = nginx_config({.root = site,
                              .state_dir = state,
                              .listen = "127.0.0.1",
                              .port = 18080,
                              .server_name = "mirror.example.org",
                              .gzip_static = gz});
    ASSERT_TRUE(conf.is_ok()) << conf.status().message();
    write(tmp("nginx.conf"), *conf);
    std::string out;
    EXPECT_EQ(
        run("nginx -t -c '" + tmp("nginx.conf").string() + "' -p '" + state.string() + "/'", out),
        0)
        << out << "\n(nginx from Debian package nginx-light)\n"
        << *conf;
    EXPECT_NE(out.find("test is successful"), std::string::npos) << out;
  }
}

TEST_F(MirrorServerConfigs, NginxNeverLogsReadersAndSendsSecurityHeaders) {
  auto conf = *nginx_config({.root = "/srv/mirror", .state_dir = "/var/tmp/n"});
  EXPECT_NE(conf.find("access_log off;"), std::string::npos);
  EXPECT_EQ(conf.find("remote_addr"), std::string::npos);
  EXPECT_NE(conf.find("error_log \"/var/tmp/n/error.log\" emerg;"), std::string::npos);
  EXPECT_NE(conf.find("Content-Security-Policy \"default-src 'none'; script-src 'self';"),
            std::string::npos);
  EXPECT_EQ(conf.find("unsafe-inline"), std::string::npos);
  EXPECT_NE(conf.find("Referrer-Policy no-referrer always"), std::string::npos);
  EXPECT_NE(conf.find("X-Content-Type-Options nosniff always"), std::string::npos);
  EXPECT_NE(conf.find("try_files $uri $uri/index.html $uri.html =404;"), std::string::npos);
  EXPECT_EQ(conf.find("/etc/nginx"), std::string::npos);
  EXPECT_EQ(conf.find("gzip_static"), std::string::npos);
  auto v6 = *nginx_config({.root = "/srv/m", .state_dir = "/tmp/s", .listen = "::1", .port = 80});
  EXPECT_NE(v6.find("listen [::1]:80;"), std::string::npos);
}

TEST_F(MirrorServerConfigs, NginxOptionsAreChecked) {
  auto bad = [](NginxOptions o) { return nginx_config(o).status().message(); };
  EXPECT_NE(bad({.root = "relative", .state_dir = "/tmp"}).find("--root"), std::string::npos);
  EXPECT_NE(bad({.root = "/srv/a;b", .state_dir = "/tmp"}).find("--root"), std::string::npos);
  EXPECT_NE(bad({.root = "/srv", .state_dir = "/tmp/$x"}).find("--state-dir"), std::string::npos);
  EXPECT_NE(bad({.root = "/srv", .state_dir = "/tmp", .port = 0}).find("--port"),
            std::string::npos);
  EXPECT_NE(bad({.root = "/srv", .state_dir = "/tmp", .listen = "1.2.3.4; evil"}).find("--listen"),
            std::string::npos);
  EXPECT_NE(bad({.root = "/srv", .state_dir = "/tmp", .server_name = "a b"}).find("--server-name"),
            std::string::npos);
}

TEST_F(MirrorServerConfigs, TorVerifiesTheTorrc) {
  auto rc = torrc({.data_dir = tmp("tor-data"),
                   .hidden_service_dir = tmp("onion"),
                   .target = "127.0.0.1",
                   .target_port = 18080});
  ASSERT_TRUE(rc.is_ok()) << rc.status().message();
  EXPECT_NE(rc->find("HiddenServicePort 80 127.0.0.1:18080\n"), std::string::npos);
  EXPECT_NE(rc->find("SocksPort 0\n"), std::string::npos);
  write(tmp("torrc"), *rc);
  std::string out;
  EXPECT_EQ(run("tor --verify-config -f '" + tmp("torrc").string() + "'", out), 0)
      << out << "\n(tor from the Debian package tor)\n"
      << *rc;
  EXPECT_NE(out.find("Configuration was valid"), std::string::npos) << out;
  EXPECT_FALSE(torrc({.data_dir = "data", .hidden_service_dir = "/x"}).is_ok());
  EXPECT_FALSE(torrc({.data_dir = "/d", .hidden_service_dir = "/x", .target_port = 70000}).is_ok());
}

}  // namespace
}  // namespace jz::mirror::testing
