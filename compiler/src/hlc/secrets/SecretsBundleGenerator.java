package hlc.secrets;

import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.ContentSigner;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.interfaces.ECPrivateKey;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;

/**
 * Makes a fresh secrets bundle ({@code hlc secrets init}): random identifiers and tokens from the JDK's
 * SecureRandom, ECDSA P-256 CAs for etcd, Kubernetes and the aggregator, an ECDSA service-account key and an
 * Ed25519 CA for the Talos API, each CA self-signed for ten years, as {@code talosctl gen secrets} does.
 * Only standard algorithms from the JDK and BouncyCastle; nothing hand-rolled.
 */
public final class SecretsBundleGenerator {
    private static final Duration CA_LIFETIME = Duration.ofDays(3650);
    private static final String TOKEN_ALPHABET = "abcdefghijklmnopqrstuvwxyz0123456789";
    private final SecureRandom random = new SecureRandom();

    public SecretsBundle generate() throws GeneralSecurityException {
        try {
            return new SecretsBundle(
                    randomBase64(32), randomBase64(32),
                    token(), randomBase64(32), token(),
                    ecCa("etcd"), ecCa("kubernetes"), ecCa("front-proxy"), pem(ecKey().getPrivate()),
                    ed25519Ca("talos"));
        } catch (org.bouncycastle.operator.OperatorCreationException | java.io.IOException e) {
            throw new GeneralSecurityException("cannot create certificates: " + e.getMessage(), e);
        }
    }

    /** The bundle as {@code talosctl gen secrets} writes it. */
    public static String toYaml(SecretsBundle b) {
        return "cluster:\n"
                + "    id: " + b.clusterId() + "\n"
                + "    secret: " + b.clusterSecret() + "\n"
                + "secrets:\n"
                + "    bootstraptoken: " + b.bootstrapToken() + "\n"
                + "    secretboxencryptionsecret: " + b.secretboxEncryptionSecret() + "\n"
                + "trustdinfo:\n"
                + "    token: " + b.trustdToken() + "\n"
                + "certs:\n"
                + pair("etcd", b.etcd()) + pair("k8s", b.k8s()) + pair("k8saggregator", b.k8sAggregator())
                + "    k8sserviceaccount:\n"
                + "        key: " + b.k8sServiceAccountKey() + "\n"
                + pair("os", b.os());
    }

    private static String pair(String name, SecretsBundle.KeyPair kp) {
        return "    " + name + ":\n        crt: " + kp.crt() + "\n        key: " + kp.key() + "\n";
    }

    private String randomBase64(int bytes) {
        byte[] b = new byte[bytes];
        random.nextBytes(b);
        return Base64.getEncoder().encodeToString(b);
    }

    private String token() {
        StringBuilder s = new StringBuilder(23);
        for (int i = 0; i < 23; i++) s.append(i == 6 ? '.' : TOKEN_ALPHABET.charAt(random.nextInt(TOKEN_ALPHABET.length())));
        return s.toString();
    }

    private KeyPair ecKey() throws GeneralSecurityException {
        KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
        g.initialize(new ECGenParameterSpec("secp256r1"), random);
        return g.generateKeyPair();
    }

    private SecretsBundle.KeyPair ecCa(String org) throws GeneralSecurityException,
            org.bouncycastle.operator.OperatorCreationException, java.io.IOException {
        KeyPair kp = ecKey();
        return new SecretsBundle.KeyPair(certificate(kp, org, "SHA256withECDSA"), pem(kp.getPrivate()));
    }

    private SecretsBundle.KeyPair ed25519Ca(String org) throws GeneralSecurityException,
            org.bouncycastle.operator.OperatorCreationException, java.io.IOException {
        KeyPair kp = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        return new SecretsBundle.KeyPair(certificate(kp, org, "Ed25519"), pem(kp.getPrivate()));
    }

    private String certificate(KeyPair kp, String org, String algorithm) throws GeneralSecurityException,
            org.bouncycastle.operator.OperatorCreationException, java.io.IOException {
        Instant now = Instant.now();
        X500Name subject = new X500Name("O=" + org);
        var builder = new JcaX509v3CertificateBuilder(subject, new BigInteger(127, random), Date.from(now),
                Date.from(now.plus(CA_LIFETIME)), subject, kp.getPublic());
        builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(true));
        builder.addExtension(Extension.keyUsage, true,
                new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign | KeyUsage.digitalSignature));
        ContentSigner signer = new JcaContentSignerBuilder(algorithm).build(kp.getPrivate());
        X509CertificateHolder holder = builder.build(signer);
        return base64Pem("CERTIFICATE", holder.getEncoded());
    }

    /** Private keys as Talos stores them: SEC1 "EC PRIVATE KEY" for ECDSA, PKCS#8 "ED25519 PRIVATE KEY" for Ed25519. */
    private static String pem(java.security.PrivateKey key) throws java.io.IOException {
        if (key instanceof ECPrivateKey) {
            var info = org.bouncycastle.asn1.pkcs.PrivateKeyInfo.getInstance(key.getEncoded());
            return base64Pem("EC PRIVATE KEY", info.parsePrivateKey().toASN1Primitive().getEncoded());
        }
        return base64Pem("ED25519 PRIVATE KEY", key.getEncoded());
    }

    private static String base64Pem(String type, byte[] der) {
        String body = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der);
        String pem = "-----BEGIN " + type + "-----\n" + body + "\n-----END " + type + "-----\n";
        return Base64.getEncoder().encodeToString(pem.getBytes(StandardCharsets.US_ASCII));
    }
}
