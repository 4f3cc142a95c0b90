package hlc.secrets;

import hlc.resolve.ResolvedSpec;
import hlc.emit.RenderedFile;
import hlc.model.Host;
import hlc.model.Ip;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.crypto.params.Ed25519PrivateKeyParameters;
import org.bouncycastle.crypto.util.PrivateKeyInfoFactory;
import org.bouncycastle.crypto.util.SubjectPublicKeyInfoFactory;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;

/**
 * The client side of Talos: {@code out/talosconfig}, so {@code talosctl --talosconfig out/talosconfig} reaches
 * the nodes. One context named after the cluster, as {@code talosctl gen config} writes it: the control planes'
 * addresses as {@code endpoints} (talosctl talks to those and they proxy to the others; not the VIP, which needs
 * etcd), every node's as {@code nodes}, the OS CA as {@code ca}, and an admin client certificate
 * ({@code O=os:admin}, client-auth) signed by that CA.
 *
 * <p>The same bundle and spec give the same bytes, so {@code compile --check} can compare it: the client key is
 * derived from the CA key (HMAC-SHA256, as an Ed25519 seed), Ed25519 signatures are deterministic, the serial
 * is derived too, and the certificate is valid exactly as long as the CA.
 */
public final class Talosconfig {
    public static final String PATH = "talosconfig";

    private Talosconfig() {}

    /** The file for this spec and bundle (a secret file: owner-only, git-ignored, never in a diff). */
    public static RenderedFile of(ResolvedSpec ix, SecretsBundle bundle) throws GeneralSecurityException {
        String name = ix.spec().cluster() == null ? "cluster" : ix.spec().cluster().name().text();
        List<String> endpoints = new ArrayList<>();
        List<String> nodes = new ArrayList<>();
        List<Host> hosts = new ArrayList<>(ix.spec().hosts());
        hosts.sort(Comparator.comparing(h -> h.name().text()));
        for (Host h : hosts) {
            Ip ip = ix.primaryAddress(h);
            if (ip == null) continue;
            if (h.isControlPlane()) endpoints.add(ip.text());
            nodes.add(ip.text());
        }
        String[] client = adminCertificate(bundle.os(), name);
        StringBuilder y = new StringBuilder();
        y.append("context: ").append(name).append('\n');
        y.append("contexts:\n");
        y.append("    ").append(name).append(":\n");
        y.append("        endpoints:\n");
        endpoints.forEach(e -> y.append("            - ").append(e).append('\n'));
        y.append("        nodes:\n");
        nodes.forEach(n -> y.append("            - ").append(n).append('\n'));
        y.append("        ca: ").append(bundle.os().crt()).append('\n');
        y.append("        crt: ").append(client[0]).append('\n');
        y.append("        key: ").append(client[1]).append('\n');
        return new RenderedFile(PATH, y.toString(), true);
    }

    /** {certificate, key}, each base64 of PEM as talosconfig stores them. */
    private static String[] adminCertificate(SecretsBundle.KeyPair ca, String cluster) throws GeneralSecurityException {
        try {
            byte[] caKeyDer = der(ca.key());
            PrivateKey caKey = KeyFactory.getInstance("Ed25519").generatePrivate(new PKCS8EncodedKeySpec(caKeyDer));
            X509CertificateHolder caCert = new X509CertificateHolder(der(ca.crt()));
            byte[] seed = hmac(caKeyDer, "hlc talosconfig os:admin " + cluster);
            Ed25519PrivateKeyParameters key = new Ed25519PrivateKeyParameters(seed, 0);
            byte[] serial = hmac(caKeyDer, "hlc talosconfig serial " + cluster);
            var builder = new X509v3CertificateBuilder(caCert.getSubject(), new BigInteger(1, Arrays.copyOf(serial, 16)),
                    caCert.getNotBefore(), caCert.getNotAfter(), new X500Name("O=os:admin"),
                    SubjectPublicKeyInfoFactory.createSubjectPublicKeyInfo(key.generatePublicKey()));
            builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
            builder.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature));
            builder.addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(KeyPurposeId.id_kp_clientAuth));
            X509CertificateHolder cert = builder.build(new JcaContentSignerBuilder("Ed25519").build(caKey));
            byte[] keyDer = PrivateKeyInfoFactory.createPrivateKeyInfo(key).getEncoded();
            return new String[]{pem("CERTIFICATE", cert.getEncoded()), pem("ED25519 PRIVATE KEY", keyDer)};
        } catch (IOException | org.bouncycastle.operator.OperatorCreationException | IllegalArgumentException e) {
            throw new GeneralSecurityException("cannot make the talosconfig's client certificate from the bundle's OS CA: "
                    + e.getClass().getSimpleName(), e);
        }
    }

    private static byte[] hmac(byte[] key, String message) throws GeneralSecurityException {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(key, "HmacSHA256"));
        return mac.doFinal(message.getBytes(StandardCharsets.UTF_8));
    }

    /** The DER inside a base64-encoded PEM, as the bundle stores certificates and keys. */
    private static byte[] der(String base64Pem) {
        String pem = new String(Base64.getDecoder().decode(base64Pem), StandardCharsets.US_ASCII);
        String body = pem.replaceAll("-----[A-Z0-9 ]+-----", "").replaceAll("\\s", "");
        return Base64.getDecoder().decode(body);
    }

    private static String pem(String type, byte[] der) {
        String body = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der);
        String pem = "-----BEGIN " + type + "-----\n" + body + "\n-----END " + type + "-----\n";
        return Base64.getEncoder().encodeToString(pem.getBytes(StandardCharsets.US_ASCII));
    }
}
