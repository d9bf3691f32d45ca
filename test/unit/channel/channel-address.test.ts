/** EASR_CHANNEL_URL as the channel commands read it: protocol, host, port, user, base folder, and no password shown. */
import { expect } from "chai";
import {
  answerFolder,
  ChannelAddressError,
  channelPath,
  parseChannelAddress,
  sendFolder,
} from "../../../src/channel/transport/channel-address";

describe("the channel's address (EASR_CHANNEL_URL)", () => {
  it("sftp: the default port 22, the user, an absolute folder; the password kept apart and never displayed", () => {
    const address = parseChannelAddress("sftp://agodi:s%40cret@transfer.example.be/home/agodi/");
    expect(address).to.deep.include({
      protocol: "sftp",
      host: "transfer.example.be",
      port: 22,
      user: "agodi",
      passwordInUrl: "s@cret",
      folder: "/home/agodi",
    });
    expect(address.display).to.equal("sftp://agodi@transfer.example.be/home/agodi");
    expect(address.display).not.to.include("cret");
  });

  it("ftps: the default port 21; `/` or nothing is the folder the account logs into", () => {
    expect(parseChannelAddress("ftps://agodi@transfer.example.be").folder).to.equal(".");
    expect(parseChannelAddress("ftps://agodi@transfer.example.be:990/")).to.deep.include({ port: 990, folder: "." });
    expect(parseChannelAddress("ftps://agodi@transfer.example.be").port).to.equal(21);
  });

  it("file: a local folder standing in for the channel", () => {
    expect(parseChannelAddress("file:///srv/channel")).to.deep.include({
      protocol: "file",
      folder: "/srv/channel",
      display: "file:///srv/channel",
    });
  });

  it("IN and OUT for R, INTEST and OUTTEST for T, under the base folder", () => {
    const address = parseChannelAddress("sftp://agodi@h/base");
    expect([sendFolder("R"), answerFolder("R"), sendFolder("T"), answerFolder("T")]).to.deep.equal(["IN", "OUT", "INTEST", "OUTTEST"]);
    expect(channelPath(address, sendFolder("T"), "GO.WECH.900123.20171002.00001.T")).to.equal(
      "/base/INTEST/GO.WECH.900123.20171002.00001.T",
    );
    expect(channelPath(parseChannelAddress("sftp://agodi@h/"), "OUT")).to.equal("OUT");
  });

  for (const [text, says] of [
    ["ftp://agodi@h/", "ftp:// is not a channel protocol"],
    ["sftp://h/", "needs the account's user name"],
    ["sftp://agodi@h/x?mode=binary", "takes no query"],
    ["file://server/share", "a file:// channel is a local folder"],
    ["not a url :pw@", "is not a URL"],
  ] as const)
    it(`refuses ${text}: ${says}`, () => {
      expect(() => parseChannelAddress(text))
        .to.throw(ChannelAddressError)
        .with.property("message")
        .that.includes(says);
    });

  it("a URL that does not parse is quoted without its password", () => {
    expect(() => parseChannelAddress("sftp//agodi:geh/eim@h"))
      .to.throw(ChannelAddressError)
      .with.property("message")
      .that.not.includes("eim");
  });
});
