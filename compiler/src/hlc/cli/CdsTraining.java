package hlc.cli;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * The training run for hlc's start-up archives: the {@code hlc} launcher runs this once per build, with
 * {@code -XX:ArchiveClassesAtExit} on JDK 17 (a class-data-sharing archive) or {@code -XX:AOTCacheOutput} on
 * JDK 25 and newer (an AOT cache), so that later runs map the classes they need instead of loading, verifying
 * and linking them from the jar. It goes through what users do, in a temporary folder. The argument names the
 * set: {@code front} (check a spec, check one with mistakes, format one) is for every command that writes no
 * files: a JDK 25 cache is loaded whole at start, so it must not hold the renderer's libraries, nor Jackson,
 * which only the machine formats use, nor picocli, which plain arguments do without. {@code full} adds picocli,
 * JSON findings, compile, compile --check, and the gate where this build has one. It prints nothing and always
 * exits 0; the archive is only an optimisation.
 */
public final class CdsTraining {
    private CdsTraining() {}

    static final String SPEC = """
            site home { domain example.com  local-domain internal }
            network lan { cidr 192.168.5.0/24  gateway gw  dns [gw]  vlan 5  mtu 1500  dhcp 192.168.5.100 to 192.168.5.199 }
            network ceph { cidr 192.168.43.0/24 }
            cluster main {
              talos v1.10.7  kubernetes v1.33.3
              vip 192.168.5.210 on lan  cni cilium  kube-proxy false
              pods 10.42.0.0/16  services 10.43.0.0/16
              loadbalancer envoy-internal 192.168.5.231 on lan
              flux { repository "https://github.com/example/home-ops"  branch main  path "./kubernetes/flux/cluster"  interval 1h }
            }
            host k8s-1 {
              model "Lenovo ThinkCentre M70q Tiny Gen 3"  cpu "Intel Core i7-12700T"  memory 64GB  role controlplane
              install-disk "/dev/nvme0n1"  gpu i915 "Intel UHD Graphics 770"
              interface net0 driver e1000e speed "1GbE"
              interface bond0 on lan address 192.168.5.211 bond active-backup [net0] mtu 1500
              interface ceph0 on ceph address 192.168.43.11 driver r8169
              osd "/dev/disk/by-id/ata-SAMSUNG*" size 1.92TB
            }
            host k8s-2 {
              role worker
              interface bond0 on lan address 192.168.5.212
              interface ceph0 on ceph address 192.168.43.12
              osd "/dev/disk/by-id/ata-SAMSUNG*" size 1.92TB
            }
            host k8s-3 {
              role worker  gpu nvidia "RTX"
              interface bond0 on lan address 192.168.5.213
              interface ceph0 on ceph address 192.168.43.13
              osd "/dev/disk/by-id/ata-SAMSUNG*" size 1.92TB
            }
            device gw { kind gateway  address 192.168.5.1 on lan  controller "https://192.168.5.1" }
            device nas { kind nas  address 192.168.5.10 on lan  dns nas.internal  export media "/volume1/media" }
            ceph rook-ceph {
              public-network lan  cluster-network ceph
              pool ceph-blockpool { replicas 3  min-size 2  failure-domain host  compression aggressive zstd }
            }
            storage-class ceph-ssd { ceph ceph-blockpool  default  filesystem ext4  reclaim delete  expandable }
            storage-class local { hostpath "/var/mnt/local"  reclaim delete }
            storage-class nfs-media { nfs media on nas  reclaim retain }
            service akeyless { kind vault  purpose "Secrets"  endpoint "https://api.akeyless.io" }
            service b2 { kind object-storage  endpoint "https://s3.example.com"  secret "b2/key" from akeyless }
            backup volsync { tool volsync  method restic  source pvcs  to b2  every 6h }
            backup media { source export media on nas  to nas  schedule "0 6 * * *" }
            backup cnpg { tool cnpg  method barman  source postgres  to b2  schedule "0 6 * * *" }
            app rook-ceph { namespace rook-ceph  prune false }
            app volsync { namespace volsync-system }
            app plex {
              namespace media  depends [rook-ceph, volsync]  storage ceph-ssd  storage nfs-media
              route plex.example.com via envoy-internal
              var APP "plex"
              var PLEX_TOKEN secret "plex/token" from akeyless
              interval 30m  timeout 10m  wait  uses [b2]
            }
            """;

    /** Mistakes of several kinds, so that findings are rendered too. */
    static final String BROKEN = SPEC.replace("address 192.168.5.212", "address 192.168.6.212")
            .replace("depends [rook-ceph, volsync]", "depends [rook-cepf, volsync]")
            .replace("replicas 3", "replicas 5") + "\nhost k8s-4 { role contolplane \n";

    public static void main(String[] args) throws IOException {
        Path dir = Files.createTempDirectory("hlc-cds-training");
        PrintStream out = System.out, err = System.err;
        PrintStream nowhere = new PrintStream(OutputStream.nullOutputStream(), true, StandardCharsets.UTF_8);
        System.setOut(nowhere);
        System.setErr(nowhere);
        try {
            Path spec = Files.writeString(dir.resolve("spec.hl"), SPEC);
            Path broken = Files.writeString(dir.resolve("broken.hl"), BROKEN);
            String outDir = dir.resolve("out").toString();
            Main.run("check", spec.toString());
            Main.run("check", broken.toString());
            Main.run("fmt", spec.toString());
            Main.run("fmt", "--check", spec.toString(), broken.toString());
            if (!(args.length > 0 && args[0].equals("front"))) {
                // picocli's model, read from the annotations: only help, --version and mistakes need it (DirectArgs)
                Main.run("--version");
                Main.run("check", broken.toString(), "--format", "json"); // Jackson: not in the front set
                hlc.emit.Renderer.warmUpInBackground(); // as Main.main does before a compile
                Main.run("compile", spec.toString(), "-o", outDir);
                Main.run("compile", spec.toString(), "-o", outDir, "--check");
                Main.run("compile", broken.toString(), "-o", outDir);
                // The hook's one-process gate, in builds that have it (it is the hook's whole cost when it exists).
                // --repo: the temporary folder, which is no git repository, so the gate judges it as a work tree.
                if (HlcCommand.hasSubcommand("gate")) Main.run("gate", "--repo", dir.toString(), "--spec", "spec.hl", "--out", "out");
            }
        } catch (RuntimeException | IOException ignored) {
            // a training run that fails only makes a smaller archive
        } finally {
            System.setOut(out);
            System.setErr(err);
            try (Stream<Path> s = Files.walk(dir)) {
                for (Path p : s.sorted(Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
            } catch (IOException ignored) {
                // a temporary folder left behind
            }
        }
        // End as hlc does: on JDK 21 and newer System.exit looks up a logger, whose classes then join the archive.
        System.exit(0);
    }
}
