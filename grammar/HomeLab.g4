// The grammar of hlc specs (.hl files).
//
// A spec is a list of blocks. Each block kind has its own attribute keywords, so the parser itself knows what
// may stand where and can say "expected an address" rather than "unexpected token". Values that carry meaning
// (addresses, CIDRs, sizes, durations, versions, DNS names) are tokens of their own; their *ranges* (an octet
// above 255, a prefix above 32) are checked later, in Java, so the user gets a diagnostic with a hint instead
// of a lexer error.
//
// Attribute order inside a block does not matter; every alternative is labelled so the model builder gets one
// typed context class per attribute.
grammar HomeLab;

spec : (importDecl | declaration)* EOF ;

importDecl : 'import' STRING ;

declaration
    : siteDecl
    | networkDecl
    | clusterDecl
    | hostDecl
    | deviceDecl
    | cephDecl
    | storageClassDecl
    | serviceDecl
    | backupDecl
    | appDecl
    | dnsProviderDecl
    ;

// ---------------------------------------------------------------- site
siteDecl : 'site' name '{' siteAttr* '}' ;
siteAttr
    : 'domain' dnsName                          # SiteDomain
    | 'local-domain' dnsName                    # SiteLocalDomain
    | 'timezone' STRING                         # SiteTimezone
    | 'description' STRING                      # SiteDescription
    ;

// ---------------------------------------------------------------- networks
networkDecl : 'network' name '{' networkAttr* '}' ;
networkAttr
    : 'cidr' cidr                               # NetCidr
    | 'gateway' target                          # NetGateway
    | 'dns' targetList                          # NetDns
    | 'vlan' number                             # NetVlan
    | 'mtu' number                              # NetMtu
    | 'dhcp' address 'to' address               # NetDhcp
    | 'description' STRING                      # NetDescription
    | 'ipv6' cidr ('via' target)?              # NetIpv6        // a second, IPv6 prefix (a ULA) on the same link, and its router (`via`: a `gateway` here would swallow the network's next line)
    | 'pool' name poolBlock*                    # NetPool        // what hands out its addresses: `loadbalancer`, the whole network or these blocks
    | 'announce' name                           # NetAnnounce    // how its load-balancer addresses are announced: l2 or bgp
    ;
// A part of a network that a pool hands out: a range of addresses, or a CIDR block (a /32 is one address).
poolBlock
    : 'range' address 'to' address              # PoolRange
    | 'block' cidr                              # PoolCidr
    ;

// ---------------------------------------------------------------- the Kubernetes / Talos cluster
clusterDecl : 'cluster' name '{' clusterAttr* '}' ;
clusterAttr
    : 'talos' VERSION                           # ClusterTalos
    | 'kubernetes' VERSION                      # ClusterKubernetes
    | 'vip' address 'on' name                   # ClusterVip
    | 'cni' name                                # ClusterCni
    | 'kube-proxy' bool                         # ClusterKubeProxy
    | 'control-plane-workloads' bool            # ClusterControlPlaneWorkloads
    | 'coredns' bool                            # ClusterCoreDns
    | 'pods' cidr cidr? sharedWith?             # ClusterPods         // dual stack: the IPv4 subnet, then the IPv6 one
    | 'services' cidr cidr? sharedWith?         # ClusterServices
    | 'loadbalancer' name address 'on' name ('dns' dnsName)* (pub='public')? # ClusterLoadBalancer // public: reached from the internet as its first dns name
    | 'flux' '{' fluxAttr* '}'                  # ClusterFlux
    | 'secrets' STRING                          # ClusterSecrets
    | 'endpoint' dnsName                        # ClusterEndpoint     // the API endpoint by name, instead of a VIP
    | 'node-network' name                       # ClusterNodeNetwork  // kubelet node IPs and etcd peers
    | 'bgp' '{' bgpAttr* '}'                    # ClusterBgp
    | 'cluster-dns' address                     # ClusterDns
    | 'cluster-domain' dnsName                  # ClusterDomain
    | 'kubeprism' number                        # ClusterKubePrism
    | 'kernel-arg' STRING                       # ClusterKernelArg    // every node
    | 'kernel-module' name                      # ClusterKernelModule // every node
    | 'extension' STRING                        # ClusterExtension    // every node's image
    // Talos node settings every node gets (issue 18): time servers, kernel parameters, registry mirrors.
    | 'ntp' ntpServerList                       # ClusterNtp          // an address, a device by name, or a host name
    | 'sysctl' sysctlKey sysctlValue            # ClusterSysctl
    | 'mirror' dnsName STRING                   # ClusterMirror       // a registry and one of its mirrors' URLs
    | 'endpoint' address                        # ClusterEndpointAddress // the API at an address: a single node's own
    | 'patch' name? patchBody                   # ClusterPatch        // a Talos config patch for every node, or for one role (`patch worker …`)
    | 'secrets' STRING 'decrypt' STRING         # ClusterSecretsDecrypt // an encrypted bundle or a reference, and the command that prints it
    | 'encrypt' (role=name)? volume=name encryptionKey # ClusterEncrypt // LUKS2 for STATE or EPHEMERAL of every node, or of one role
    ;
// How a LUKS2 volume's key is kept: sealed to the node's TPM, or a static passphrase by its name in the secrets
// bundle (its `diskkeys` map): the passphrase itself is never in the spec.
encryptionKey
    : 'tpm'                                     # KeyTpm
    | 'key' STRING                              # KeyStatic
    ;
ntpServerList : '[' (ntpServer ','?)* ']' | ntpServer ;
ntpServer : address | dnsName ;
sysctlKey : dnsName | STRING ;                  // net.core.rmem_max
sysctlValue : STRING | number ;
// Other clusters of the spec whose pod or service subnets may overlap these (each cluster routes its own).
sharedWith : 'shared-with' nameList ;
bgpAttr
    : 'asn' number                              # BgpAsn
    | 'peer' target 'asn' number ('via' name)?  # BgpPeer        // `via NET`: the router of node network NET, at its address on another network, reached by the nodes' default route
    ;
fluxAttr
    : 'repository' STRING                       # FluxRepository
    | 'branch' name                             # FluxBranch
    | 'path' STRING                             # FluxPath
    | 'interval' DURATION                       # FluxInterval
    | 'layout' name                             # FluxLayout          // flat (default) or namespaced
    | 'substitute-from' name nameList?          # FluxSubstituteFrom  // a Secret of variables, and its keys
    | 'decryption' name ('secret' name)?        # FluxDecryption      // every app's spec.decryption (an app's own wins)
    | 'namespace' name '{' fluxNamespaceAttr* '}' # FluxNamespace
    | 'root' name '{' fluxRootAttr* '}'         # FluxRoot            // another Kustomization of the sync folder, beside cluster-apps
    | 'apps-depend' nameList                    # FluxAppsDepend      // roots cluster-apps waits for (its dependsOn)
    ;
// A root Kustomization of the user's own (shared HelmRepositories, OCIRepositories…): the folder it applies,
// the namespace what it applies lands in (its targetNamespace), and how Flux applies it.
fluxRootAttr
    : 'path' STRING                             # FluxRootPath
    | 'namespace' name                          # FluxRootNamespace
    | 'wait' bool?                              # FluxRootWait
    | 'prune' bool                              # FluxRootPrune
    | 'interval' DURATION                       # FluxRootInterval
    ;
fluxNamespaceAttr
    : 'components' componentList                # FluxNamespaceComponents
    | 'description' STRING                      # FluxNamespaceDescription
    ;

// ---------------------------------------------------------------- hosts (Talos nodes)
hostDecl : 'host' name '{' hostAttr* '}' ;
hostAttr
    : 'model' STRING                            # HostModel
    | 'cpu' STRING                              # HostCpu
    | 'memory' SIZE                             # HostMemory
    | 'role' name                               # HostRole
    | 'install-disk' STRING                     # HostInstallDisk
    | 'gpu' name STRING?                        # HostGpu
    | 'osd' STRING ('size' SIZE)?               # HostOsd
    | 'interface' dnsName interfaceAttr*        # HostInterface  // dnsName: `bond0.107` lexes as one
    | 'description' STRING                      # HostDescription
    | 'label' STRING                            # HostLabel      // "key=value"
    | 'taint' STRING                            # HostTaint      // "key=value:Effect"
    | 'extension' STRING                        # HostExtension  // a Talos system extension of the node's image
    | 'usb' STRING                              # HostUsb        // a USB device plugged into the node
    | 'volume' name '{' volumeAttr* '}'         # HostVolume     // a Talos system volume (EPHEMERAL)
    | 'user-volume' name '{' volumeAttr* '}'    # HostUserVolume // a Talos user volume, /var/mnt/<name>
    // Talos node settings of this host only (issue 18): the install disk by its properties, the kernel of its
    // image and its kernel parameters.
    | 'install-disk' '{' diskSelectorAttr* '}'  # HostInstallDiskSelector // Talos install.diskSelector
    | 'kernel-arg' STRING                       # HostKernelArg  // this node's image only
    | 'kernel-module' name                      # HostKernelModule
    | 'sysctl' sysctlKey sysctlValue            # HostSysctl
    | 'arch' name                               # HostArch       // amd64 (default) or arm64
    | 'overlay' STRING STRING                   # HostOverlay    // an SBC's Image Factory overlay: image, name
    | 'secure-boot'                             # HostSecureBoot // the Image Factory's SecureBoot installer
    | 'patch' patchBody                         # HostPatch      // a Talos config patch for this node only
    | 'cluster' name                            # HostCluster    // the cluster it is a node of (several clusters)
    | 'encrypt' name encryptionKey              # HostEncrypt    // LUKS2 for STATE or EPHEMERAL of this node (wins over the cluster's)
    ;
diskSelectorAttr
    : 'size' SIZE                               # DiskSize       // exactly this size
    | 'min-size' SIZE                           # DiskMinSize    // at least
    | 'max-size' SIZE                           # DiskMaxSize    // at most
    | 'model' STRING                            # DiskModel      // a glob: "Samsung SSD 980*"
    | 'serial' STRING                           # DiskSerial
    | 'type' name                               # DiskType       // ssd, hdd, nvme or sd
    | 'wwid' STRING                             # DiskWwid
    | 'bus-path' STRING                         # DiskBusPath
    ;
// A Talos config patch: a file beside the spec ("patches/sysctls.yaml"), or YAML inline between triple quotes.
patchBody : STRING | TEXT_BLOCK ;
volumeAttr
    : 'min-size' SIZE                           # VolumeMinSize
    | 'max-size' SIZE                           # VolumeMaxSize
    | 'disk' STRING ('size' SIZE)?              # VolumeDisk     // a CEL disk selector, and the disk's size
    | 'grow' bool                               # VolumeGrow
    ;
interfaceAttr
    : 'on' name                                 # IfaceOn
    | 'dhcp'                                    # IfaceDhcp      // the address is a DHCP reservation
    | 'vlan' number 'of' dnsName                # IfaceVlan      // a VLAN sub-interface of another link
    | 'address' address                         # IfaceAddress
    | 'ipv6' address                            # IfaceIpv6      // the IPv6 address on a dual-stack network
    | 'driver' name                             # IfaceDriver
    | 'bond' dnsName nameList                   # IfaceBond      // dnsName: `802.3ad` lexes as one
    | 'mtu' number                              # IfaceMtu
    | 'speed' STRING                            # IfaceSpeed
    // Which physical link (issue 18), besides `driver`: by MAC address, the only physical one, by bus path.
    | 'mac' (IPV6 | STRING)                     # IfaceMac       // 00:1a:2b:3c:4d:5e lexes as an IPv6 address
    | 'physical'                                # IfacePhysical
    | 'bus-path' STRING                         # IfaceBusPath   // "0000:01:00.0", a glob
    | 'thunderbolt' STRING                      # IfaceThunderbolt // a thunderbolt-net link by its Thunderbolt bus path, "0-1.0"
    // Bond options.
    | 'lacp-rate' name                          # IfaceLacpRate  // slow or fast (802.3ad)
    | 'xmit-hash-policy' STRING                 # IfaceXmitHashPolicy // "layer3+4"
    | 'miimon' number                           # IfaceMiimon    // milliseconds
    | 'updelay' number                          # IfaceUpdelay
    | 'downdelay' number                        # IfaceDowndelay
    // Routes.
    | 'route' cidr ('via' address)? ('metric' number)? # IfaceRoute // a static route through a gateway on this link, or without `via` out of the link itself (link scope: a point-to-point peer)
    | 'dhcp-metric' number                      # IfaceDhcpMetric // the metric of the routes DHCP gives
    ;

// ---------------------------------------------------------------- devices: gateway, NAS, switches
deviceDecl : 'device' name '{' deviceAttr* '}' ;
deviceAttr
    : 'kind' name                               # DeviceKind
    | 'model' STRING                            # DeviceModel
    | 'address' address 'on' name               # DeviceAddress
    | 'dns' dnsName                             # DeviceDnsName
    | 'serves' nameList                         # DeviceServes
    | 'controller' STRING                       # DeviceController
    | 'export' name STRING                      # DeviceExport
    | 'description' STRING                      # DeviceDescription
    ;

// ---------------------------------------------------------------- Rook-Ceph
cephDecl : 'ceph' name '{' cephAttr* '}' ;
cephAttr
    : 'public-network' name                     # CephPublicNetwork
    | 'cluster-network' name                    # CephClusterNetwork
    | 'pool' name '{' poolAttr* '}'             # CephPool
    | 'filesystem' name '{' poolAttr* '}'       # CephFs         // a CephFilesystem: its metadata and data pools take these settings
    | 'object-store' name '{' poolAttr* '}'     # CephObjectStore // a CephObjectStore (S3 gateway): the same for its pools
    | 'cluster' name                            # CephCluster    // the cluster Rook runs it in (several clusters)
    | 'osd-filter' STRING                       # CephOsdFilter  // OSDs on every node that runs pods: the devices a regex matches (Rook's useAllNodes)
    ;
poolAttr
    : 'replicas' number                         # PoolReplicas
    | 'min-size' number                         # PoolMinSize
    | 'failure-domain' name                     # PoolFailureDomain
    | 'compression' name name                   # PoolCompression
    ;

// ---------------------------------------------------------------- storage classes
storageClassDecl : 'storage-class' name '{' storageClassAttr* '}' ;
storageClassAttr
    : 'ceph' name                               # ScCeph
    | 'hostpath' STRING                         # ScHostpath
    | 'nfs' name 'on' name                      # ScNfs
    | 'default'                                 # ScDefault
    | 'filesystem' name                         # ScFilesystem
    | 'reclaim' name                            # ScReclaim
    | 'expandable'                              # ScExpandable
    | 'static' 'on' name ('size' SIZE)?         # ScStatic       // pre-made PVs on one node, no provisioner
    | 'binding' name                            # ScBinding      // immediate or wait-for-first-consumer
    | 'mount-option' STRING                     # ScMountOption
    | 'longhorn' ('replicas' number)?           # ScLonghorn     // Longhorn volumes, numberOfReplicas (default 3)
    | 'data-locality' name                      # ScDataLocality // Longhorn: disabled, best-effort or strict-local
    | 'recurring' name STRING ('retain' number)? # ScRecurring   // a Longhorn RecurringJob (snapshot or backup) on the class's volumes
    | 'zfs' name ('on' nameList)?               # ScZfs          // OpenEBS ZFS LocalPV: the zpool, and the hosts that have it
    | 'democratic-csi' name ('export' name)? 'on' name # ScDemocraticCsi // democratic-csi `nfs` (an export) or `iscsi`, on a NAS
    | 'cephfs' name                             # ScCephFs       // volumes in a ceph block's filesystem
    | 'bucket' name                             # ScBucket       // ObjectBucketClaims in a ceph block's object store
    | 'cluster' name                            # ScCluster      // only in this one of several clusters
    ;

// ---------------------------------------------------------------- external services
serviceDecl : 'service' name '{' serviceAttr* '}' ;
serviceAttr
    : 'kind' nameList                           # SvcKind
    | 'purpose' STRING                          # SvcPurpose
    | 'usage' STRING                            # SvcUsage
    | 'endpoint' STRING                         # SvcEndpoint
    | secretRef                                 # SvcSecret
    | 'dns' dnsName                             # SvcDnsName
    | 'description' STRING                      # SvcDescription
    ;
// A secret is always a reference into a vault service, never a value.
secretRef : 'secret' STRING 'from' name ;

// ---------------------------------------------------------------- backups
backupDecl : 'backup' name '{' backupAttr* '}' ;
backupAttr
    : 'tool' name                               # BackupTool
    | 'method' name                             # BackupMethod
    | 'source' backupSource                     # BackupSourceAttr
    | 'to' name ('export' name)?                # BackupTarget
    | 'every' DURATION                          # BackupEvery
    | 'schedule' STRING                         # BackupSchedule
    | 'description' STRING                      # BackupDescription
    | 'schedule' STRING 'for' nameList          # BackupScheduleFor  // another schedule for some apps
    | 'keep' name number                        # BackupKeep         // keep 12 hourly, 7 daily...
    | 'retention' DURATION                      # BackupRetention
    | 'compression' name                        # BackupCompression
    | secretRef                                 # BackupSecret       // the restic repository's password, in a vault
    ;
backupSource
    : 'pvcs'                                    # SourcePvcs
    | 'postgres'                                # SourcePostgres
    | 'export' name 'on' name                   # SourceExport
    | 'backup' name                             # SourceBackup   // another backup's repository (a mirror)
    ;

// ---------------------------------------------------------------- apps (Flux Kustomizations)
appDecl : 'app' name '{' appAttr* '}' ;
appAttr
    : 'namespace' name                          # AppNamespace
    | 'path' STRING                             # AppPath
    | 'depends' appRefList                      # AppDepends
    | 'storage' name                            # AppStorage
    | 'route' dnsName ('via' name)?             # AppRoute
    | 'var' name value                          # AppVar
    | 'wait' bool?                              # AppWait
    | 'prune' bool                              # AppPrune
    | 'interval' DURATION                       # AppInterval
    | 'timeout' DURATION                        # AppTimeout
    | 'uses' nameList                           # AppUses
    | 'description' STRING                      # AppDescription
    | 'components' componentList                # AppComponents
    | 'multus' address 'on' name ('via' address)? # AppMultus   // a static pod address on a Multus network
    | 'version' (VERSION | dnsName)             # AppVersion    // the chart or release it pins
    | 'nfs-volume' name 'from' name 'export' name ('at' STRING)? # AppNfsVolume // an NFS export the app mounts itself, as variables
    | 'cluster' name                            # AppCluster    // the cluster Flux deploys it to (several clusters)
    // Fields of the app's Flux Kustomization beyond the common ones (issue 18): what Flux waits for, how soon it
    // retries, how it decrypts, where else it takes variables from, and any other field raw.
    | 'health-check' name healthCheckTarget ('api' STRING)? # AppHealthCheck // spec.healthChecks: kind, [namespace/]name
    | 'retry-interval' DURATION                 # AppRetryInterval // spec.retryInterval
    | 'decryption' name ('secret' name)?        # AppDecryption // spec.decryption: sops, and the Secret of its keys
    | 'substitute-from' name name 'optional'?   # AppSubstituteFrom // a Secret or ConfigMap of variables for this app
    | 'flux-spec' patchBody                     # AppFluxSpec   // fields merged into the Kustomization's spec, raw YAML
    ;
// What a health check names: `cnpg-operator` (in the app's namespace) or `database/cnpg-operator`; a
// cluster-wide object's name may have dots (`kube-system/dnsendpoints.externaldns.k8s.io`, a CRD).
healthCheckTarget : dnsName ('/' dnsName)? ;

// ---------------------------------------------------------------- DNS providers (external-dns instances)
dnsProviderDecl : 'dns-provider' name '{' dnsProviderAttr* '}' ;
dnsProviderAttr
    : 'target' name                             # DnsTarget      // the service or device it writes records to
    | 'domains' domainList                      # DnsDomains
    | 'sources' nameList                        # DnsSources
    | 'txt-prefix' STRING                       # DnsTxtPrefix
    | 'owner' name                              # DnsOwner
    | 'policy' name                             # DnsPolicy
    | 'webhook' STRING                          # DnsWebhook
    | 'description' STRING                      # DnsDescription
    ;
domainList : '[' (domain ','?)* ']' | domain ;
domain : dnsName | STRING ;                     // a string is a substituted variable such as "${CEAPP_DOMAIN}"


// ---------------------------------------------------------------- values
value : STRING | number | address | cidr | DURATION | SIZE | VERSION | dnsName | bool | secretRef ;
target : address | name ;
targetList : '[' (target ','?)* ']' ;
nameList : '[' (name ','?)* ']' | name ;
// An app, optionally in a namespace: `secret-stores@external-secrets`; a bare name is in the same namespace.
appRefList : '[' (appRef ','?)* ']' | appRef ;
appRef : name ('@' name)? ;
// A Kustomize component under the repository's components folder: `alerts`, `kopiur/backup`.
componentList : '[' (component ','?)* ']' | component ;
component : name ('/' name)* ;
address : IPV4 | IPV6 ;
cidr : CIDR4 | CIDR6 ;
number : INT ;
bool : 'true' | 'false' ;
dnsName : DNSNAME | name ;

// A name may be spelled like a keyword (a network called `ceph`, an app called `default`).
name : IDENT | keyword ;
keyword
    : 'site' | 'domain' | 'local-domain' | 'timezone' | 'description' | 'network' | 'cidr' | 'gateway' | 'dns'
    | 'vlan' | 'mtu' | 'dhcp' | 'to' | 'cluster' | 'talos' | 'kubernetes' | 'vip' | 'on' | 'cni' | 'kube-proxy'
    | 'pods' | 'services' | 'loadbalancer' | 'flux' | 'repository' | 'branch' | 'path' | 'interval' | 'host'
    | 'model' | 'cpu' | 'memory' | 'role' | 'install-disk' | 'gpu' | 'osd' | 'size' | 'interface' | 'address'
    | 'driver' | 'bond' | 'speed' | 'device' | 'kind' | 'serves' | 'controller' | 'export' | 'ceph'
    | 'public-network' | 'cluster-network' | 'pool' | 'replicas' | 'min-size' | 'failure-domain' | 'compression'
    | 'storage-class' | 'hostpath' | 'nfs' | 'default' | 'filesystem' | 'reclaim' | 'expandable' | 'service'
    | 'purpose' | 'usage' | 'endpoint' | 'secret' | 'from' | 'backup' | 'tool' | 'method' | 'source' | 'every'
    | 'schedule' | 'pvcs' | 'postgres' | 'app' | 'namespace' | 'depends' | 'storage' | 'route' | 'via' | 'var'
    | 'wait' | 'prune' | 'timeout' | 'uses' | 'import' | 'secrets' | 'ipv6' | 'endpoint' | 'node-network'
    | 'bgp' | 'asn' | 'peer' | 'cluster-dns' | 'cluster-domain' | 'kubeprism' | 'control-plane-workloads' | 'coredns' | 'kernel-arg' | 'kernel-module'
    | 'extension' | 'layout' | 'substitute-from' | 'components' | 'label' | 'taint' | 'usb' | 'volume'
    | 'user-volume' | 'max-size' | 'disk' | 'grow' | 'of' | 'static' | 'binding' | 'mount-option' | 'keep'
    | 'retention' | 'for' | 'multus' | 'version' | 'dns-provider' | 'target' | 'domains' | 'sources'
    | 'txt-prefix' | 'owner' | 'policy' | 'webhook' | 'public'
    | 'range' | 'block' | 'announce' | 'object-store' | 'longhorn' | 'data-locality' | 'recurring' | 'retain'
    | 'zfs' | 'democratic-csi' | 'cephfs' | 'bucket' | 'nfs-volume' | 'at'
    | 'ntp' | 'sysctl' | 'mirror' | 'serial' | 'type' | 'wwid' | 'bus-path' | 'mac' | 'physical' | 'lacp-rate'
    | 'xmit-hash-policy' | 'miimon' | 'updelay' | 'downdelay' | 'metric' | 'dhcp-metric' | 'arch' | 'overlay'
    | 'secure-boot' | 'shared-with'
    | 'decrypt' | 'patch' | 'health-check' | 'api' | 'retry-interval' | 'decryption' | 'optional' | 'flux-spec'
    | 'encrypt' | 'tpm' | 'key' | 'thunderbolt' | 'root' | 'apps-depend' | 'osd-filter'
    ;

// ---------------------------------------------------------------- tokens
// Order matters where two rules match the same text: an address beats a DNS name, a version beats a DNS name.
CIDR4    : IPV4 '/' DIGITS ;
IPV4     : DIGITS '.' DIGITS '.' DIGITS '.' DIGITS ;
CIDR6    : IPV6 '/' DIGITS ;
IPV6     : HEX* ':' (HEX | ':')* ('.' DIGITS)* ;
VERSION  : 'v' DIGITS ('.' DIGITS)+ ('-' [a-zA-Z0-9.]+)? ;
SIZE     : DIGITS ('.' DIGITS)? ('B' | 'KB' | 'MB' | 'GB' | 'TB' | 'PB' | 'KiB' | 'MiB' | 'GiB' | 'TiB' | 'PiB') ;
DURATION : (DIGITS ('ms' | 's' | 'm' | 'h' | 'd'))+ ;
INT      : DIGITS ;
DNSNAME  : ('*' '.')? LABEL ('.' LABEL)+ '.'? ;
// A name may start with digits, as a Kubernetes name may (`1password-connect`), when a letter, `_` or `-` follows
// them; a number with a unit hlc knows is still a duration or size (`10m`, `64GiB`: the same length, and those
// rules come first), and `6hours` is a name the parser reports where a duration stands, with the unit meant.
IDENT    : [a-zA-Z_] [a-zA-Z0-9_-]* | DIGITS [a-zA-Z_-] [a-zA-Z0-9_-]* ;
STRING   : '"' (~["\\\r\n] | '\\' ~[\r\n])* '"' ;
// YAML inline, as in a Java text block: the lines between the quotes, less their common indentation. No escapes.
TEXT_BLOCK : '"""' .*? '"""' ;

LBRACE   : '{' ;
RBRACE   : '}' ;
LBRACKET : '[' ;
RBRACKET : ']' ;
COMMA    : ',' ;
AT       : '@' ;
SLASH    : '/' ;

// Comments are kept on a hidden channel so a formatter can put them back.
LINE_COMMENT : ('//' | '#') ~[\r\n]* -> channel(HIDDEN) ;
WS           : [ \t\r\n\f\u00a0\ufeff]+ -> channel(HIDDEN) ;
// Anything else is one bad character: reported by the parser with its position, never a crash.
UNKNOWN_CHAR : . ;

fragment DIGITS : [0-9]+ ;
fragment HEX    : [0-9a-fA-F] ;
fragment LABEL  : [a-zA-Z0-9_] [a-zA-Z0-9_-]* ;
