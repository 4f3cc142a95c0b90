package hlc.model;

import hlc.diag.Span;

/**
 * How Flux decrypts the manifests of a Kustomization before applying them ({@code spec.decryption}): the
 * provider ({@code sops}, the only one Flux has) and the Secret in flux-system that holds its keys (null: none,
 * as when the keys come from a cloud KMS). {@code span} is the attribute.
 */
public record Decryption(Name provider, Name secret, Span span) {}
