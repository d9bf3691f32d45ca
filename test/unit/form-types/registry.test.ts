/**
 * One module per form type (domain.md D23): the registry lists every type of the FormType union, each
 * module has every capability, and a module or registry that lacks one does not compile — the
 * `@ts-expect-error` lines below are checked by the type-check of `npm test` (an expected error that
 * does not happen fails the build).
 */
import { existsSync } from "node:fs";
import { join } from "node:path";
import { expect } from "chai";
import { unreachable } from "../../../src/domain/unreachable";
import type { FormTypeModule, FormTypeModules } from "../../../src/form-types/form-type-module";
import { FORM_TYPE_MODULES, formTypeModule } from "../../../src/form-types/registry";
import { FORM_TYPE_KINDS, FORM_TYPES, type FormType } from "../../../src/rules/decision-types";
import { projectRoot } from "../../../src/util/project-root";

describe("the form-type registry", () => {
  it("has one module for every form type, under its own name, and nothing else", () => {
    expect(Object.keys(FORM_TYPE_MODULES).sort()).to.deep.equal([...FORM_TYPES].sort());
    for (const formType of FORM_TYPES) expect(formTypeModule(formType).formType).to.equal(formType);
  });

  it("gives each module the sector and cadence the rules know the type by", () => {
    for (const formType of FORM_TYPES) {
      const module = formTypeModule(formType);
      expect({ sector: module.sector, cadence: module.cadence }, formType).to.deep.equal(FORM_TYPE_KINDS[formType]);
      expect(formType.startsWith(module.sector), `${formType} is a ${module.sector} form`).to.equal(true);
    }
  });

  it("names an XSD that exists, a glossary table, and labels of its own for each type", () => {
    for (const formType of FORM_TYPES) {
      const module = formTypeModule(formType);
      expect(existsSync(join(projectRoot(), "schemas", module.xsd)), `${formType}: schemas/${module.xsd}`).to.equal(true);
      expect(module.xsd, formType).to.include(formType);
      expect(module.glossaryConditions.length, formType).to.be.greaterThan(0);
    }
    const titles = FORM_TYPES.map((t) => formTypeModule(t).labels.title);
    const payslip = FORM_TYPES.map((t) => formTypeModule(t).labels.payslip);
    expect(new Set(titles).size).to.equal(FORM_TYPES.length);
    expect(payslip).to.deep.equal(["WECH503", "WECH506", "ZIMA001", "ZIMA002", "ZIMA003", "ZIMA005", "ZIMA006"]);
  });

  it("refuses at compile time a module without a capability, a registry without a type, and a switch that forgets one", () => {
    const complete = FORM_TYPE_MODULES.WECH003;
    const { xsd: _dropped, ...withoutXsd } = complete;
    // @ts-expect-error a module without its XSD is no module
    const incomplete: FormTypeModule<"WECH003"> = withoutXsd;
    const { ZIMA005: _left, ...withoutZima005 } = FORM_TYPE_MODULES;
    // @ts-expect-error a registry without ZIMA005 is no registry
    const partial: FormTypeModules = withoutZima005;
    const label = (formType: FormType): string => {
      // eslint-disable-next-line @typescript-eslint/switch-exhaustiveness-check -- the switch that forgets one, on purpose
      switch (formType) {
        case "WECH003":
        case "WECH006":
        case "ZIMA002":
          return formType;
        default:
          // @ts-expect-error ZIMA005 is not handled: the value is not `never`
          return unreachable(formType, "form type");
      }
    };
    expect(incomplete.formType).to.equal("WECH003");
    expect(Object.keys(partial)).not.to.include("ZIMA005");
    expect(() => label("ZIMA005")).to.throw("unhandled form type: ZIMA005");
  });
});
