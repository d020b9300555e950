// The natural key of an authority rule in a spreadsheet (importRecords): its name and its scope's unit code.
export const ruleKey = (name: string, unitCode: string) => `${name} / ${unitCode}`;
