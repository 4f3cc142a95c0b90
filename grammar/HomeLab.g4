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
    ;

// ---------------------------------------------------------------- the Kubernetes / Talos cluster
clusterDecl : 'cluster' name '{' clusterAttr* '}' ;
clusterAttr
    : 'talos' VERSION                           # ClusterTalos
    | 'kubernetes' VERSION                      # ClusterKubernetes
    | 'vip' address 'on' name                   # ClusterVip
    | 'cni' name                                # ClusterCni
    | 'kube-proxy' bool                         # ClusterKubeProxy
    | 'pods' cidr                               # ClusterPods
    | 'services' cidr                           # ClusterServices
    | 'loadbalancer' name address 'on' name     # ClusterLoadBalancer
    | 'flux' '{' fluxAttr* '}'                  # ClusterFlux
    | 'secrets' STRING                          # ClusterSecrets
    ;
fluxAttr
    : 'repository' STRING                       # FluxRepository
    | 'branch' name                             # FluxBranch
    | 'path' STRING                             # FluxPath
    | 'interval' DURATION                       # FluxInterval
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
    | 'interface' name interfaceAttr*           # HostInterface
    | 'description' STRING                      # HostDescription
    ;
interfaceAttr
    : 'on' name                                 # IfaceOn
    | 'address' address                         # IfaceAddress
    | 'driver' name                             # IfaceDriver
    | 'bond' dnsName nameList                   # IfaceBond      // dnsName: `802.3ad` lexes as one
    | 'mtu' number                              # IfaceMtu
    | 'speed' STRING                            # IfaceSpeed
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
    ;

// ---------------------------------------------------------------- external services
serviceDecl : 'service' name '{' serviceAttr* '}' ;
serviceAttr
    : 'kind' nameList                           # SvcKind
    | 'purpose' STRING                          # SvcPurpose
    | 'usage' STRING                            # SvcUsage
    | 'endpoint' STRING                         # SvcEndpoint
    | secretRef                                 # SvcSecret
    ;
// A secret is always a reference into a vault service, never a value.
secretRef : 'secret' STRING 'from' name ;

// ---------------------------------------------------------------- backups
backupDecl : 'backup' name '{' backupAttr* '}' ;
backupAttr
    : 'tool' name                               # BackupTool
    | 'method' name                             # BackupMethod
    | 'source' backupSource                     # BackupSourceAttr
    | 'to' name                                 # BackupTarget
    | 'every' DURATION                          # BackupEvery
    | 'schedule' STRING                         # BackupSchedule
    | 'description' STRING                      # BackupDescription
    ;
backupSource
    : 'pvcs'                                    # SourcePvcs
    | 'postgres'                                # SourcePostgres
    | 'export' name 'on' name                   # SourceExport
    ;

// ---------------------------------------------------------------- apps (Flux Kustomizations)
appDecl : 'app' name '{' appAttr* '}' ;
appAttr
    : 'namespace' name                          # AppNamespace
    | 'path' STRING                             # AppPath
    | 'depends' nameList                        # AppDepends
    | 'storage' name                            # AppStorage
    | 'route' dnsName ('via' name)?             # AppRoute
    | 'var' name value                          # AppVar
    | 'wait' bool?                              # AppWait
    | 'prune' bool                              # AppPrune
    | 'interval' DURATION                       # AppInterval
    | 'timeout' DURATION                        # AppTimeout
    | 'uses' nameList                           # AppUses
    | 'description' STRING                      # AppDescription
    ;

// ---------------------------------------------------------------- values
value : STRING | number | address | cidr | DURATION | SIZE | VERSION | dnsName | bool | secretRef ;
target : address | name ;
targetList : '[' (target ','?)* ']' ;
nameList : '[' (name ','?)* ']' | name ;
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
    | 'wait' | 'prune' | 'timeout' | 'uses' | 'import' | 'secrets'
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
IDENT    : [a-zA-Z_] [a-zA-Z0-9_-]* ;
STRING   : '"' (~["\\\r\n] | '\\' ~[\r\n])* '"' ;

LBRACE   : '{' ;
RBRACE   : '}' ;
LBRACKET : '[' ;
RBRACKET : ']' ;
COMMA    : ',' ;

// Comments are kept on a hidden channel so a formatter can put them back.
LINE_COMMENT : ('//' | '#') ~[\r\n]* -> channel(HIDDEN) ;
WS           : [ \t\r\n\f\u00a0\ufeff]+ -> channel(HIDDEN) ;
// Anything else is one bad character: reported by the parser with its position, never a crash.
UNKNOWN_CHAR : . ;

fragment DIGITS : [0-9]+ ;
fragment HEX    : [0-9a-fA-F] ;
fragment LABEL  : [a-zA-Z0-9_] [a-zA-Z0-9_-]* ;
