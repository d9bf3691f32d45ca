/**
 * FormFileWriter validates a file a chunk of forms at a time: the verdict and the error lines must be
 * those of validating the whole file at once, and a file spanning several chunks is byte for byte the
 * file it would be without validation.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { expect } from "chai";
import { XMLBuilder } from "fast-xml-parser";
import { FORMS_PER_CHUNK, FormFileWriter, formXml } from "../../../src/files/form-file-writer";
import type { FormNode } from "../../../src/forms/form-envelope";
import { XsdSchema } from "../../../src/files/xsd-validator";

const XSD = `<?xml version="1.0" encoding="UTF-8"?>
<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema" elementFormDefault="qualified">
  <xs:element name="R"><xs:complexType><xs:sequence><xs:element ref="Form" maxOccurs="unbounded"/></xs:sequence></xs:complexType></xs:element>
  <xs:element name="Form"><xs:complexType><xs:sequence><xs:element name="A" type="xs:integer"/><xs:element name="B" type="xs:string" minOccurs="0"/></xs:sequence></xs:complexType></xs:element>
</xs:schema>
`;

describe("FormFileWriter: validation a chunk at a time", () => {
  const dir = mkdtempSync(join(tmpdir(), "easr-writer-"));
  let schema: XsdSchema;
  before(async () => {
    writeFileSync(join(dir, "r.xsd"), XSD);
    schema = await XsdSchema.compile("r.xsd", join(dir, "r.xsd"));
  });
  after(() => {
    schema.dispose();
    rmSync(dir, { recursive: true, force: true });
  });

  async function write(
    name: string,
    count: number,
    bad: ReadonlySet<number>,
    withSchema = true,
  ): Promise<{ path: string; done: Awaited<ReturnType<FormFileWriter["finish"]>> }> {
    const path = join(dir, name);
    const writer = new FormFileWriter(path, "R", withSchema ? { validate: async (xml) => schema.validateString(xml) } : undefined);
    for (let i = 1; i <= count; i++) await writer.add(bad.has(i) ? { A: `x${i}` } : { A: i, B: `form ${i} & more` });
    return { path, done: await writer.finish() };
  }

  it("a valid file of several chunks is valid, and the same bytes as without validation", async () => {
    const count = FORMS_PER_CHUNK * 2 + 7;
    const validated = await write("valid.xml", count, new Set());
    const plain = await write("plain.xml", count, new Set(), false);
    expect(validated.done.validation).to.deep.equal({ valid: true, errors: [] });
    expect(validated.done.formCount).to.equal(count);
    expect(readFileSync(validated.path, "utf8")).to.equal(readFileSync(plain.path, "utf8"));
    expect(validated.done.sha256).to.equal(plain.done.sha256);
    expect((await schema.validateFile(validated.path)).valid).to.equal(true);
  });

  it("an invalid form in a later chunk is reported at its line in the file, as validating the whole file says", async () => {
    const bad = new Set([3, FORMS_PER_CHUNK + 77, FORMS_PER_CHUNK * 2 + 1]);
    const { path, done } = await write("invalid.xml", FORMS_PER_CHUNK * 2 + 5, bad);
    const whole = await schema.validateFile(path);
    expect(done.validation.valid).to.equal(false);
    expect(whole.valid).to.equal(false);
    expect(done.validation.errors.map((e) => e.line)).to.deep.equal(whole.errors.map((e) => e.line));
    // Each reported line is the <A> of one of the bad forms, in order.
    const lines = readFileSync(path, "utf8").split("\n");
    for (const error of done.validation.errors) expect(lines[error.line - 1]).to.match(/<A>x\d+<\/A>/);
    expect(done.validation.errors.map((e) => lines[e.line - 1].trim())).to.deep.equal([...bad].map((k) => `<A>x${k}</A>`));
  });
});

describe("formXml: the form writer's own serializer", () => {
  // The reference: the general builder the forms were first written with (same options as then).
  const reference = new XMLBuilder({ format: true, indentBy: "  ", suppressEmptyNode: true, processEntities: true });
  const referenceXml = (form: FormNode): string =>
    (reference.build({ Form: form }) as string)
      .split("\n")
      .filter((line) => line.length > 0)
      .map((line) => `  ${line}`)
      .join("\n");

  /** A deterministic pseudo-random form tree: nested blocks, repeated blocks, numbers, text with entities, empty values. */
  function randomForm(seed: number): FormNode {
    let state = seed;
    const next = (n: number) => {
      state = (state * 1103515245 + 12345) % 2147483648;
      return state % n;
    };
    const texts = ["WECH006", "a & b", "<tag>", "l'école", 'say "hi"', "", "Zoë Ñandú", "12.50", "--11-02"];
    const node = (depth: number): FormNode => {
      const result: FormNode = {};
      const size = 1 + next(5);
      for (let i = 0; i < size; i++) {
        const name = `Zone${next(30)}`;
        const kind = depth >= 3 ? next(2) : next(4);
        if (kind === 0) result[name] = next(100000);
        else if (kind === 1) result[name] = texts[next(texts.length)];
        else if (kind === 2) result[name] = node(depth + 1);
        else result[name] = Array.from({ length: 1 + next(3) }, () => node(depth + 1));
      }
      return result;
    };
    return node(0);
  }

  it("writes every form exactly as the general XML builder does, byte for byte", () => {
    for (let seed = 1; seed <= 400; seed++) {
      const form = randomForm(seed);
      expect(formXml(form), `seed ${seed}`).to.equal(referenceXml(form));
    }
  });
});
