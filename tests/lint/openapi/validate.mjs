// Validates an OpenAPI 3 document the way a shop's client generator reads it: the YAML must
// parse, the document must match the official OpenAPI 3.0 schema, and every $ref must resolve.
// Usage: node validate.mjs <openapi.yaml>. Exit code 0 when valid; 1 with the reason otherwise.
let SwaggerParser;
try {
    SwaggerParser = (await import("@apidevtools/swagger-parser")).default;
} catch {
    console.error("the OpenAPI validator is not installed: run scripts/install-deps.sh test");
    process.exit(1);
}

const file = process.argv[2];
if (!file) {
    console.error("usage: node validate.mjs <openapi.yaml>");
    process.exit(2);
}
try {
    const api = await SwaggerParser.validate(file);
    const paths = Object.keys(api.paths || {}).length;
    console.log(`${file}: valid OpenAPI ${api.openapi} (${paths} paths)`);
} catch (error) {
    console.error(`${file}: not a valid OpenAPI 3 document: ${error.message}`);
    process.exit(1);
}
