package io.edgeoff.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Hashtable;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javax.naming.directory.Attribute;
import javax.naming.directory.InitialDirContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The edge-node templates ({@code deploy/edge-node/}) render completely with the documented
 * defaults, dnsmasq accepts them and answers the site names, and the hotspot, DHCP and VPN
 * settings agree with each other.
 */
class EdgeNodeConfigTest {

    private static final Map<String, String> PASSPHRASE = Map.of("EDGEOFF_WIFI_PASSPHRASE", "correct horse battery");

    @ParameterizedTest
    @ValueSource(strings = {"hostapd.conf.template", "dnsmasq-dns.conf.template", "dnsmasq-dhcp.conf.template",
        "openvpn-server.conf.template", "openvpn-client.conf.template", "openvpn-ccd-ed.template"})
    void everyTemplateRendersWithTheDefaultsLeavingNoPlaceholder(String template) {
        String rendered = render(template, PASSPHRASE);

        assertThat(rendered).doesNotContain("${").isNotBlank();
    }

    @Test
    void renderingRefusesAnUnsetVariableAndNamesIt() {
        Processes.Result result = renderRaw("hostapd.conf.template", Map.of());

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.output()).contains("EDGEOFF_WIFI_PASSPHRASE is not set");
    }

    @Test
    void hotspotIsWpa2WithCcmpAndALegalPassphrase() {
        Map<String, String> hostapd = keyValues(render("hostapd.conf.template", PASSPHRASE));

        assertThat(hostapd).containsEntry("interface", "wlan0").containsEntry("wpa", "2")
                .containsEntry("wpa_key_mgmt", "WPA-PSK").containsEntry("rsn_pairwise", "CCMP")
                .containsKeys("ssid", "country_code", "channel");
        assertThat(hostapd.get("wpa_passphrase").length()).isBetween(8, 63);
    }

    @ParameterizedTest
    @ValueSource(strings = {"dnsmasq-dns.conf.template", "dnsmasq-dhcp.conf.template"})
    void dnsmasqAcceptsTheRenderedConfiguration(String template, @TempDir Path dir) throws IOException {
        Path dnsmasq = RepoFiles.executable("dnsmasq").orElse(null);
        assumeTrue(dnsmasq != null, "dnsmasq is not installed (deploy/ci-install.sh installs it)");
        Path conf = Files.writeString(dir.resolve("edgeoff.conf"), render(template, Map.of()));

        Processes.Result result = Processes.run(List.of(dnsmasq.toString(), "--test", "--conf-file=" + conf),
                Map.of(), null, Duration.ofSeconds(60));

        assertThat(result.exitCode()).as(result.output()).isZero();
        assertThat(result.output()).contains("syntax check OK");
    }

    @Test
    void dnsmasqAnswersEachSiteNameWithItsNodeAddress(@TempDir Path dir) throws Exception {
        Path dnsmasq = RepoFiles.executable("dnsmasq").orElse(null);
        assumeTrue(dnsmasq != null, "dnsmasq is not installed (deploy/ci-install.sh installs it)");
        Path conf = Files.writeString(dir.resolve("edgeoff-dns.conf"), render("dnsmasq-dns.conf.template", Map.of()));
        int port = NginxProxy.freeLoopbackPort();
        Process server = new ProcessBuilder(dnsmasq.toString(), "--keep-in-foreground", "--conf-file=" + conf,
                "--port=" + port, "--listen-address=127.0.0.1", "--bind-interfaces", "--no-resolv", "--no-hosts",
                "--pid-file=", "--log-facility=-", "--user=" + System.getProperty("user.name"))
                .redirectErrorStream(true).redirectOutput(dir.resolve("dnsmasq.log").toFile()).start();
        try {
            Map<String, String> expected = Map.of("ed", "10.8.0.11", "ec", "10.8.0.12", "er", "10.8.0.13", "cd", "10.8.0.1");
            for (var site : expected.entrySet()) {
                assertThat(resolveA(port, site.getKey() + ".edgeoff.lan"))
                        .as("A record of %s.edgeoff.lan (log: %s)", site.getKey(), Files.readString(dir.resolve("dnsmasq.log")))
                        .isEqualTo(site.getValue());
            }
        } finally {
            server.destroy();
            server.waitFor(5, TimeUnit.SECONDS);
        }
    }

    @Test
    void dhcpHandsOutAddressesOfTheHotspotSubnetButNeverTheNodesOwn() {
        Map<String, String> dhcp = keyValues(render("dnsmasq-dhcp.conf.template", Map.of()));
        String[] range = dhcp.get("dhcp-range").split(",");

        assertThat(range[0]).startsWith("192.168.4.");
        assertThat(range[1]).startsWith("192.168.4.");
        assertThat(range[2]).isEqualTo("255.255.255.0");
        int first = lastOctet(range[0]);
        int last = lastOctet(range[1]);
        assertThat(first).isLessThanOrEqualTo(last);
        assertThat(lastOctet("192.168.4.1") < first || lastOctet("192.168.4.1") > last).as("node address outside the range").isTrue();
        assertThat(dhcp.get("dhcp-option")).isEqualTo("option:dns-server,192.168.4.1");
    }

    @Test
    void vpnRoutesTheHotspotSubnetThroughTheEdgeNodeThatRunsIt() {
        String server = render("openvpn-server.conf.template", Map.of());
        String ccd = render("openvpn-ccd-ed.template", Map.of());
        String client = render("openvpn-client.conf.template", Map.of());

        assertThat(server).contains("route 192.168.4.0 255.255.255.0").contains("server 10.8.0.0 255.255.255.0")
                .contains("dev tun0");
        assertThat(ccd).contains("iroute 192.168.4.0 255.255.255.0").contains("ifconfig-push 10.8.0.11 ");
        assertThat(keyValues(server).get("port")).isEqualTo(keyValues(client).get("remote").split(" ")[1]);
        assertThat(client).contains("dev tun0");
    }

    // ---- helpers -------------------------------------------------------------------------

    static String render(String template, Map<String, String> env) {
        Processes.Result result = renderRaw(template, env);
        assertThat(result.exitCode()).as("render %s: %s", template, result.output()).isZero();
        return result.output();
    }

    private static Processes.Result renderRaw(String template, Map<String, String> env) {
        List<String> command = new ArrayList<>(List.of("env"));
        System.getenv().keySet().stream().filter(k -> k.startsWith("EDGEOFF_")).forEach(k -> command.add("-u" + k));
        env.forEach((k, v) -> command.add(k + "=" + v));
        command.addAll(List.of("bash", RepoFiles.resolve("deploy/edge-node/render.sh").toString(), template));
        return Processes.run(command, Map.of(), null, Duration.ofSeconds(60));
    }

    /** {@code key=value} lines (the last value of a repeated key; comments skipped); space-separated for OpenVPN. */
    private static Map<String, String> keyValues(String text) {
        Map<String, String> values = new LinkedHashMap<>();
        for (String line : text.lines().map(String::strip).toList()) {
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            int eq = line.indexOf('=');
            int space = line.indexOf(' ');
            int cut = eq > 0 ? eq : space;
            if (cut > 0) {
                values.put(line.substring(0, cut), line.substring(cut + 1));
            }
        }
        return values;
    }

    private static int lastOctet(String address) {
        return Integer.parseInt(address.substring(address.lastIndexOf('.') + 1));
    }

    private static String resolveA(int port, String name) throws Exception {
        Hashtable<String, String> env = new Hashtable<>();
        env.put("java.naming.factory.initial", "com.sun.jndi.dns.DnsContextFactory");
        env.put("java.naming.provider.url", "dns://127.0.0.1:" + port);
        env.put("com.sun.jndi.dns.timeout.initial", "500");
        env.put("com.sun.jndi.dns.timeout.retries", "4");
        var context = new InitialDirContext(env);
        try {
            Attribute a = context.getAttributes(name, new String[] {"A"}).get("A");
            return a == null ? null : (String) a.get();
        } finally {
            context.close();
        }
    }
}
