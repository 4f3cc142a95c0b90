package hlc.fmt;

import hlc.diag.Diagnostic;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The canonical layout by example: each case is the text a user wrote and the text {@code hlc fmt} makes of
 * it. Every expected text is also checked to be canonical itself (formatting it changes nothing).
 */
class FormatterTest {

    static void assertFormats(String input, String expected) {
        Formatter.Result result = Formatter.formatText("test.hl", input);
        assertTrue(result.formatted(), () -> "refused: " + result.reporter().sorted());
        assertEquals(expected, result.text());
        assertEquals(expected, Formatter.formatText("test.hl", expected).text(), "the expected text is not canonical");
    }

    @Nested
    class Blocks {
        @Test
        void oneAttributePerLineAndOneBlankLineBetweenBlocks() {
            assertFormats("""
                    site home { domain example.com  local-domain internal }
                    network lan { cidr 192.168.5.0/24 mtu 1500 }
                    """, """
                    site home {
                      domain example.com
                      local-domain internal
                    }

                    network lan {
                      cidr 192.168.5.0/24
                      mtu 1500
                    }
                    """);
        }

        @Test
        void attributesSplitOverLinesAreJoinedWithSingleSpaces() {
            assertFormats("""
                    cluster    main
                    {
                        vip   192.168.5.210
                              on lan
                      loadbalancer envoy   192.168.5.231 on    lan
                    }
                    """, """
                    cluster main {
                      vip 192.168.5.210 on lan
                      loadbalancer envoy 192.168.5.231 on lan
                    }
                    """);
        }

        @Test
        void nestedBlocksIndentOneLevelDeeper() {
            assertFormats("""
                    cluster main { talos v1.10.7 flux { repository "https://github.com/you/home-ops" branch main } }
                    ceph rook-ceph { public-network lan pool fast { replicas 3 min-size 2 } pool slow {} }
                    """, """
                    cluster main {
                      talos v1.10.7
                      flux {
                        repository "https://github.com/you/home-ops"
                        branch main
                      }
                    }

                    ceph rook-ceph {
                      public-network lan
                      pool fast {
                        replicas 3
                        min-size 2
                      }
                      pool slow {}
                    }
                    """);
        }

        @Test
        void aBlockWithoutAttributesIsWrittenOnOneLine() {
            assertFormats("""
                    app a {   }
                    app b {

                    }
                    """, """
                    app a {}

                    app b {}
                    """);
        }

        @Test
        void aShortBlockIsNeverCollapsed() {
            assertFormats("""
                    app a {
                      namespace x
                    }
                    """, """
                    app a {
                      namespace x
                    }
                    """);
        }

        @Test
        void interfaceAttributesStayOnTheInterfaceLine() {
            assertFormats("""
                    host k8s-1 {
                      role controlplane
                      interface bond0
                        on lan
                        address 192.168.5.211
                        bond active-backup [net0, net1]
                        mtu 1500
                      interface net0 driver e1000e   speed "1GbE"
                    }
                    """, """
                    host k8s-1 {
                      role controlplane
                      interface bond0 on lan address 192.168.5.211 bond active-backup [net0, net1] mtu 1500
                      interface net0 driver e1000e speed "1GbE"
                    }
                    """);
        }

        @Test
        void theOrderOfBlocksAndAttributesIsKept() {
            assertFormats("""
                    app z { path "./z" namespace z }
                    app a { namespace a }
                    """, """
                    app z {
                      path "./z"
                      namespace z
                    }

                    app a {
                      namespace a
                    }
                    """);
        }
    }

    @Nested
    class BlankLines {
        @Test
        void oneBlankLineBetweenAttributesIsKeptMoreBecomeOne() {
            assertFormats("""
                    cluster main {
                      talos v1.10.7
                      kubernetes v1.33.3


                      pods 10.42.0.0/16

                      services 10.43.0.0/16
                    }
                    """, """
                    cluster main {
                      talos v1.10.7
                      kubernetes v1.33.3

                      pods 10.42.0.0/16

                      services 10.43.0.0/16
                    }
                    """);
        }

        @Test
        void noBlankLineAtTheStartOrEndOfABlock() {
            assertFormats("""
                    network lan {

                      cidr 192.168.5.0/24

                    }
                    """, """
                    network lan {
                      cidr 192.168.5.0/24
                    }
                    """);
        }

        @Test
        void exactlyOneBlankLineBetweenTopLevelBlocks() {
            assertFormats("""


                    network a { cidr 10.0.1.0/24 }



                    network b { cidr 10.0.2.0/24 }
                    network c { cidr 10.0.3.0/24 }


                    """, """
                    network a {
                      cidr 10.0.1.0/24
                    }

                    network b {
                      cidr 10.0.2.0/24
                    }

                    network c {
                      cidr 10.0.3.0/24
                    }
                    """);
        }

        @Test
        void importsKeepTheirSpacingAndAreAParagraphBeforeTheFirstBlock() {
            assertFormats("""
                    import "a.hl"
                    import    "b.hl"


                    import "c.hl"
                    site home { domain example.com }
                    """, """
                    import "a.hl"
                    import "b.hl"

                    import "c.hl"

                    site home {
                      domain example.com
                    }
                    """);
        }

        @Test
        void blankLinesInsideAnAttributeAreDropped() {
            assertFormats("""
                    network lan {
                      dhcp 192.168.5.100

                        to 192.168.5.200
                    }
                    """, """
                    network lan {
                      dhcp 192.168.5.100 to 192.168.5.200
                    }
                    """);
        }
    }

    @Nested
    class Lists {
        @Test
        void listsAreWrittenWithCommaAndSpace() {
            assertFormats("""
                    app a { namespace x depends [b c d] uses [ e ,f,g ] }
                    """, """
                    app a {
                      namespace x
                      depends [b, c, d]
                      uses [e, f, g]
                    }
                    """);
        }

        @Test
        void aTrailingCommaIsDroppedAndAnEmptyListStaysEmpty() {
            assertFormats("""
                    network lan { cidr 192.168.5.0/24 dns [udm-pro, 192.168.5.2,] }
                    service s { kind [ ] }
                    """, """
                    network lan {
                      cidr 192.168.5.0/24
                      dns [udm-pro, 192.168.5.2]
                    }

                    service s {
                      kind []
                    }
                    """);
        }

        @Test
        void aListSpreadOverLinesIsJoined() {
            assertFormats("""
                    app a {
                      depends [
                        b,
                        c
                      ]
                    }
                    """, """
                    app a {
                      depends [b, c]
                    }
                    """);
        }

        @Test
        void aNameWithoutBracketsStaysWithoutBrackets() {
            assertFormats("service v { kind vault }\n", """
                    service v {
                      kind vault
                    }
                    """);
        }
    }

    @Nested
    class Comments {
        @Test
        void ownLineCommentsStayBeforeTheirTokenReindentedToTheBlockLevel() {
            assertFormats("""
                    host k8s-1 {
                    // the role first
                            role controlplane
                          # then the disk
                      install-disk "/dev/nvme0n1"
                    }
                    """, """
                    host k8s-1 {
                      // the role first
                      role controlplane
                      # then the disk
                      install-disk "/dev/nvme0n1"
                    }
                    """);
        }

        @Test
        void trailingCommentsStayOnTheirLineTwoSpacesAfterTheCode() {
            assertFormats("""
                    network lan {   // the LAN
                      cidr 192.168.5.0/24            // untagged
                      vlan 5// tagged
                    } # end of lan
                    """, """
                    network lan {  // the LAN
                      cidr 192.168.5.0/24  // untagged
                      vlan 5  // tagged
                    }  # end of lan
                    """);
        }

        @Test
        void commentsAtTheStartOfTheFileKeepTheirParagraphs() {
            assertFormats("""


                    // The lab.
                    //
                    // Second paragraph of the header.


                    # about the site
                    site home { domain example.com }
                    """, """
                    // The lab.
                    //
                    // Second paragraph of the header.

                    # about the site
                    site home {
                      domain example.com
                    }
                    """);
        }

        @Test
        void commentsAtTheEndOfTheFileAreAParagraphAfterTheLastBlock() {
            assertFormats("""
                    site home { domain example.com }
                    // the end


                    // really the end""", """
                    site home {
                      domain example.com
                    }

                    // the end

                    // really the end
                    """);
        }

        @Test
        void aCommentAboveABlockStaysAttachedToIt() {
            assertFormats("""
                    app a { namespace x }
                    // b needs a
                    app b { namespace x depends [a] }
                    """, """
                    app a {
                      namespace x
                    }

                    // b needs a
                    app b {
                      namespace x
                      depends [a]
                    }
                    """);
        }

        @Test
        void commentsBeforeTheClosingBraceAreIndentedLikeTheBody() {
            assertFormats("""
                    app a {
                      namespace x

                    // more to come
                    }
                    app b { // nothing yet
                    }
                    """, """
                    app a {
                      namespace x

                      // more to come
                    }

                    app b {  // nothing yet
                    }
                    """);
        }

        @Test
        void aCommentInsideAnAttributeContinuesItOneLevelDeeper() {
            assertFormats("""
                    host k8s-1 {
                      interface bond0 on lan  // the LAN side
                        address 192.168.5.211
                        // members by driver
                        bond active-backup [net0]
                    }
                    """, """
                    host k8s-1 {
                      interface bond0 on lan  // the LAN side
                        address 192.168.5.211
                        // members by driver
                        bond active-backup [net0]
                    }
                    """);
        }

        @Test
        void aCommentInsideAListKeepsTheCommaBeforeIt() {
            assertFormats("""
                    app a {
                      depends [b // first
                               c]
                    }
                    """, """
                    app a {
                      depends [b,  // first
                        c]
                    }
                    """);
        }

        @Test
        void commentTextIsKeptAsWrittenWithoutTrailingBlanks() {
            assertFormats("// Ümlaut,   spaces\tand a tab   \t\napp a {}\n", """
                    // Ümlaut,   spaces\tand a tab
                    app a {}
                    """);
        }

        @Test
        void aFileOfOnlyCommentsKeepsThem() {
            assertFormats("   // one\n\n\n   # two", """
                    // one

                    # two
                    """);
        }
    }

    @Nested
    class Spelling {
        @Test
        void everyValueIsWrittenAsTheUserSpelledIt() {
            assertFormats("""
                    network v6 { cidr FD00:0:0::/64 gateway fd00::0001 }
                    host h { memory 64GiB osd "/dev/disk/by-id/ata-*"   size 1.920TB interface b bond 802.3ad [n0] }
                    cluster main { talos v1.10.7-rc.1 flux { interval 1h30m } }
                    app a { var GREETING "two  spaces\\t\\"quoted\\"" timeout 0090s wait }
                    """, """
                    network v6 {
                      cidr FD00:0:0::/64
                      gateway fd00::0001
                    }

                    host h {
                      memory 64GiB
                      osd "/dev/disk/by-id/ata-*" size 1.920TB
                      interface b bond 802.3ad [n0]
                    }

                    cluster main {
                      talos v1.10.7-rc.1
                      flux {
                        interval 1h30m
                      }
                    }

                    app a {
                      var GREETING "two  spaces\\t\\"quoted\\""
                      timeout 0090s
                      wait
                    }
                    """);
        }
    }

    @Nested
    class Bytes {
        @Test
        void crlfTabsAndAByteOrderMarkBecomeLfSpacesAndNothing() {
            byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
            byte[] text = "app a {\r\n\tnamespace x\t// why\r\n}\r\n".getBytes(StandardCharsets.UTF_8);
            byte[] input = new byte[bom.length + text.length];
            System.arraycopy(bom, 0, input, 0, bom.length);
            System.arraycopy(text, 0, input, bom.length, text.length);
            Formatter.Result result = Formatter.format(Path.of("a.hl"), "a.hl", input);
            assertEquals("app a {\n  namespace x  // why\n}\n", result.text());
        }

        @Test
        void anEmptyFileStaysEmpty() {
            assertFormats("", "");
            assertFormats(" \n\n\t\n", "");
        }

        @Test
        void theFinalNewlineIsAddedWhenMissing() {
            assertFormats("app a {}", "app a {}\n");
        }
    }

    @Nested
    class Refusals {
        @Test
        void aFileWithSyntaxErrorsIsNotFormattedAndItsErrorsAreReported() {
            Formatter.Result result = Formatter.formatText("broken.hl", """
                    network lan { cidr 192.168.5.0/24 vlan }
                    app a { namespace }
                    """);
            assertFalse(result.formatted());
            assertNull(result.text());
            assertEquals(2, result.reporter().errorCount());
            for (Diagnostic d : result.reporter().sorted()) assertEquals("HL001", d.code());
        }

        @Test
        void aFileThatIsNotUtf8IsNotFormatted() {
            byte[] latin1 = "// caf\u00e9\napp a {}\n".getBytes(StandardCharsets.ISO_8859_1);
            Formatter.Result result = Formatter.format(Path.of("latin1.hl"), "latin1.hl", latin1);
            assertFalse(result.formatted());
            assertEquals("HL002", result.reporter().sorted().get(0).code());
        }

        @Test
        void meaningfulFindingsDoNotStopTheFormatter() {
            // Formatting is about layout: an undeclared network (HL010) or a bad address (HL020) is check's business.
            assertFormats("host h { interface e on nowhere address 300.1.1.1 }", """
                    host h {
                      interface e on nowhere address 300.1.1.1
                    }
                    """);
        }
    }
}
