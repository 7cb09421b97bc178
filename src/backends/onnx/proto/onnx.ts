// @ts-nocheck: protobufjs's static JavaScript code; the declarations after it type it.
// Generated from onnx.proto by `npx tsx scripts/gen-onnx-proto.ts`: do not edit.
// test/onnx/proto-drift.test.ts fails when this file is stale.
import type { Long } from "protobufjs/minimal.js";
import $protobuf from "protobufjs/minimal.js";

const $Reader = $protobuf.Reader,
  $Writer = $protobuf.Writer,
  $util = $protobuf.util;
const $Object = $util.global.Object,
  $undefined = $util.global.undefined,
  $Error = $util.global.Error,
  $RangeError = $util.global.RangeError;

const $root = $protobuf.roots["s2sc_onnx"] || ($protobuf.roots["s2sc_onnx"] = {});

export const onnx = ($root.onnx = (() => {
  const onnx = {};

  onnx.AttributeProto = (function () {
    const AttributeProto = function (properties) {
      this.floats = [];
      this.ints = [];
      this.strings = [];
      this.tensors = [];
      this.graphs = [];
      this.sparseTensors = [];
      this.typeProtos = [];
      if (properties)
        for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
          if (properties[keys[i]] != null && keys[i] !== "__proto__")
            this[keys[i]] = properties[keys[i]];
    };

    AttributeProto.prototype.name = null;
    AttributeProto.prototype.refAttrName = null;
    AttributeProto.prototype.docString = null;
    AttributeProto.prototype.type = null;
    AttributeProto.prototype.f = null;
    AttributeProto.prototype.i = null;
    AttributeProto.prototype.s = null;
    AttributeProto.prototype.t = null;
    AttributeProto.prototype.g = null;
    AttributeProto.prototype.sparseTensor = null;
    AttributeProto.prototype.tp = null;
    AttributeProto.prototype.floats = $util.emptyArray;
    AttributeProto.prototype.ints = $util.emptyArray;
    AttributeProto.prototype.strings = $util.emptyArray;
    AttributeProto.prototype.tensors = $util.emptyArray;
    AttributeProto.prototype.graphs = $util.emptyArray;
    AttributeProto.prototype.sparseTensors = $util.emptyArray;
    AttributeProto.prototype.typeProtos = $util.emptyArray;

    let $oneOfFields;

    // Virtual OneOf for proto3 optional field
    $Object.defineProperty(AttributeProto.prototype, "_name", {
      get: $util.oneOfGetter(($oneOfFields = ["name"])),
      set: $util.oneOfSetter($oneOfFields),
    });

    // Virtual OneOf for proto3 optional field
    $Object.defineProperty(AttributeProto.prototype, "_refAttrName", {
      get: $util.oneOfGetter(($oneOfFields = ["refAttrName"])),
      set: $util.oneOfSetter($oneOfFields),
    });

    // Virtual OneOf for proto3 optional field
    $Object.defineProperty(AttributeProto.prototype, "_docString", {
      get: $util.oneOfGetter(($oneOfFields = ["docString"])),
      set: $util.oneOfSetter($oneOfFields),
    });

    // Virtual OneOf for proto3 optional field
    $Object.defineProperty(AttributeProto.prototype, "_type", {
      get: $util.oneOfGetter(($oneOfFields = ["type"])),
      set: $util.oneOfSetter($oneOfFields),
    });

    // Virtual OneOf for proto3 optional field
    $Object.defineProperty(AttributeProto.prototype, "_f", {
      get: $util.oneOfGetter(($oneOfFields = ["f"])),
      set: $util.oneOfSetter($oneOfFields),
    });

    // Virtual OneOf for proto3 optional field
    $Object.defineProperty(AttributeProto.prototype, "_i", {
      get: $util.oneOfGetter(($oneOfFields = ["i"])),
      set: $util.oneOfSetter($oneOfFields),
    });

    // Virtual OneOf for proto3 optional field
    $Object.defineProperty(AttributeProto.prototype, "_s", {
      get: $util.oneOfGetter(($oneOfFields = ["s"])),
      set: $util.oneOfSetter($oneOfFields),
    });

    // Virtual OneOf for proto3 optional field
    $Object.defineProperty(AttributeProto.prototype, "_t", {
      get: $util.oneOfGetter(($oneOfFields = ["t"])),
      set: $util.oneOfSetter($oneOfFields),
    });

    // Virtual OneOf for proto3 optional field
    $Object.defineProperty(AttributeProto.prototype, "_g", {
      get: $util.oneOfGetter(($oneOfFields = ["g"])),
      set: $util.oneOfSetter($oneOfFields),
    });

    // Virtual OneOf for proto3 optional field
    $Object.defineProperty(AttributeProto.prototype, "_sparseTensor", {
      get: $util.oneOfGetter(($oneOfFields = ["sparseTensor"])),
      set: $util.oneOfSetter($oneOfFields),
    });

    // Virtual OneOf for proto3 optional field
    $Object.defineProperty(AttributeProto.prototype, "_tp", {
      get: $util.oneOfGetter(($oneOfFields = ["tp"])),
      set: $util.oneOfSetter($oneOfFields),
    });

    AttributeProto.encode = function (message, writer, _depth) {
      if (!writer) writer = $Writer.create();
      if (_depth === $undefined) _depth = 0;
      if (_depth > $util.recursionLimit) throw $Error("max depth exceeded");
      if (message.name != null && $Object.hasOwnProperty.call(message, "name"))
        writer.uint32(10).string(message.name);
      if (message.f != null && $Object.hasOwnProperty.call(message, "f"))
        writer.uint32(21).float(message.f);
      if (message.i != null && $Object.hasOwnProperty.call(message, "i"))
        writer.uint32(24).int64(message.i);
      if (message.s != null && $Object.hasOwnProperty.call(message, "s"))
        writer.uint32(34).bytes(message.s);
      if (message.t != null && $Object.hasOwnProperty.call(message, "t"))
        $root.onnx.TensorProto.encode(message.t, writer.uint32(42).fork(), _depth + 1).ldelim();
      if (message.g != null && $Object.hasOwnProperty.call(message, "g"))
        $root.onnx.GraphProto.encode(message.g, writer.uint32(50).fork(), _depth + 1).ldelim();
      if (message.floats != null && message.floats.length) writer.uint32(58).floats(message.floats);
      if (message.ints != null && message.ints.length) writer.uint32(66).int64s(message.ints);
      if (message.strings != null && message.strings.length)
        for (let i = 0; i < message.strings.length; ++i)
          writer.uint32(74).bytes(message.strings[i]);
      if (message.tensors != null && message.tensors.length)
        for (let i = 0; i < message.tensors.length; ++i)
          $root.onnx.TensorProto.encode(
            message.tensors[i],
            writer.uint32(82).fork(),
            _depth + 1,
          ).ldelim();
      if (message.graphs != null && message.graphs.length)
        for (let i = 0; i < message.graphs.length; ++i)
          $root.onnx.GraphProto.encode(
            message.graphs[i],
            writer.uint32(90).fork(),
            _depth + 1,
          ).ldelim();
      if (message.docString != null && $Object.hasOwnProperty.call(message, "docString"))
        writer.uint32(106).string(message.docString);
      if (message.tp != null && $Object.hasOwnProperty.call(message, "tp"))
        $root.onnx.TypeProto.encode(message.tp, writer.uint32(114).fork(), _depth + 1).ldelim();
      if (message.typeProtos != null && message.typeProtos.length)
        for (let i = 0; i < message.typeProtos.length; ++i)
          $root.onnx.TypeProto.encode(
            message.typeProtos[i],
            writer.uint32(122).fork(),
            _depth + 1,
          ).ldelim();
      if (message.type != null && $Object.hasOwnProperty.call(message, "type"))
        writer.uint32(160).int32(message.type);
      if (message.refAttrName != null && $Object.hasOwnProperty.call(message, "refAttrName"))
        writer.uint32(170).string(message.refAttrName);
      if (message.sparseTensor != null && $Object.hasOwnProperty.call(message, "sparseTensor"))
        $root.onnx.SparseTensorProto.encode(
          message.sparseTensor,
          writer.uint32(178).fork(),
          _depth + 1,
        ).ldelim();
      if (message.sparseTensors != null && message.sparseTensors.length)
        for (let i = 0; i < message.sparseTensors.length; ++i)
          $root.onnx.SparseTensorProto.encode(
            message.sparseTensors[i],
            writer.uint32(186).fork(),
            _depth + 1,
          ).ldelim();
      if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
        for (let i = 0; i < message.$unknowns.length; ++i) writer.raw(message.$unknowns[i]);
      return writer;
    };

    AttributeProto.decode = function (reader, length, _end, _depth, _target) {
      if (!(reader instanceof $Reader)) reader = $Reader.create(reader);
      if (_depth === $undefined) _depth = 0;
      if (_depth > $Reader.recursionLimit) throw $Error("max depth exceeded");
      let end, message, value;
      if (length === $undefined) end = reader.len;
      else {
        end = reader.pos + length;
        if (end > reader.len) throw $RangeError("index out of range");
        length = reader.len;
        reader.len = end;
      }
      message = _target || new $root.onnx.AttributeProto();
      while (reader.pos < end) {
        let start = reader.pos;
        let tag = reader.tag();
        if (tag === _end) {
          _end = $undefined;
          break;
        }
        let wireType = tag & 7;
        switch ((tag >>>= 3)) {
          case 1: {
            if (wireType !== 2) break;
            message.name = reader.stringVerify();
            message._name = "name";
            continue;
          }
          case 21: {
            if (wireType !== 2) break;
            message.refAttrName = reader.stringVerify();
            message._refAttrName = "refAttrName";
            continue;
          }
          case 13: {
            if (wireType !== 2) break;
            message.docString = reader.stringVerify();
            message._docString = "docString";
            continue;
          }
          case 20: {
            if (wireType !== 0) break;
            message.type = reader.int32();
            message._type = "type";
            continue;
          }
          case 2: {
            if (wireType !== 5) break;
            message.f = reader.float();
            message._f = "f";
            continue;
          }
          case 3: {
            if (wireType !== 0) break;
            message.i = reader.int64();
            message._i = "i";
            continue;
          }
          case 4: {
            if (wireType !== 2) break;
            message.s = reader.bytes();
            message._s = "s";
            continue;
          }
          case 5: {
            if (wireType !== 2) break;
            message.t = $root.onnx.TensorProto.decode(
              reader,
              reader.size(),
              $undefined,
              _depth + 1,
              message.t,
            );
            message._t = "t";
            continue;
          }
          case 6: {
            if (wireType !== 2) break;
            message.g = $root.onnx.GraphProto.decode(
              reader,
              reader.size(),
              $undefined,
              _depth + 1,
              message.g,
            );
            message._g = "g";
            continue;
          }
          case 22: {
            if (wireType !== 2) break;
            message.sparseTensor = $root.onnx.SparseTensorProto.decode(
              reader,
              reader.size(),
              $undefined,
              _depth + 1,
              message.sparseTensor,
            );
            message._sparseTensor = "sparseTensor";
            continue;
          }
          case 14: {
            if (wireType !== 2) break;
            message.tp = $root.onnx.TypeProto.decode(
              reader,
              reader.size(),
              $undefined,
              _depth + 1,
              message.tp,
            );
            message._tp = "tp";
            continue;
          }
          case 7: {
            if (wireType === 2) {
              if (!(message.floats && message.floats.length)) message.floats = [];
              reader.floats(message.floats);
              continue;
            }
            if (wireType !== 5) break;
            if (!(message.floats && message.floats.length)) message.floats = [];
            message.floats.push(reader.float());
            continue;
          }
          case 8: {
            if (wireType === 2) {
              if (!(message.ints && message.ints.length)) message.ints = [];
              reader.int64s(message.ints);
              continue;
            }
            if (wireType !== 0) break;
            if (!(message.ints && message.ints.length)) message.ints = [];
            message.ints.push(reader.int64());
            continue;
          }
          case 9: {
            if (wireType !== 2) break;
            if (!(message.strings && message.strings.length)) message.strings = [];
            message.strings.push(reader.bytes());
            continue;
          }
          case 10: {
            if (wireType !== 2) break;
            if (!(message.tensors && message.tensors.length)) message.tensors = [];
            message.tensors.push(
              $root.onnx.TensorProto.decode(reader, reader.size(), $undefined, _depth + 1),
            );
            continue;
          }
          case 11: {
            if (wireType !== 2) break;
            if (!(message.graphs && message.graphs.length)) message.graphs = [];
            message.graphs.push(
              $root.onnx.GraphProto.decode(reader, reader.size(), $undefined, _depth + 1),
            );
            continue;
          }
          case 23: {
            if (wireType !== 2) break;
            if (!(message.sparseTensors && message.sparseTensors.length))
              message.sparseTensors = [];
            message.sparseTensors.push(
              $root.onnx.SparseTensorProto.decode(reader, reader.size(), $undefined, _depth + 1),
            );
            continue;
          }
          case 15: {
            if (wireType !== 2) break;
            if (!(message.typeProtos && message.typeProtos.length)) message.typeProtos = [];
            message.typeProtos.push(
              $root.onnx.TypeProto.decode(reader, reader.size(), $undefined, _depth + 1),
            );
            continue;
          }
        }
        reader.skipType(wireType, _depth, tag);
        if (!reader.discardUnknown) {
          $util.makeProp(message, "$unknowns", false);
          (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
        }
      }
      if (length !== $undefined) {
        if (reader.pos !== end) throw $RangeError("index out of range");
        reader.len = length;
      }
      if (_end !== $undefined) throw $Error("missing end group");
      return message;
    };

    AttributeProto.AttributeType = (function () {
      const valuesById = $Object.create(null),
        values = $Object.create(valuesById);
      values[(valuesById[0] = "UNDEFINED")] = 0;
      values[(valuesById[1] = "FLOAT")] = 1;
      values[(valuesById[2] = "INT")] = 2;
      values[(valuesById[3] = "STRING")] = 3;
      values[(valuesById[4] = "TENSOR")] = 4;
      values[(valuesById[5] = "GRAPH")] = 5;
      values[(valuesById[11] = "SPARSE_TENSOR")] = 11;
      values[(valuesById[13] = "TYPE_PROTO")] = 13;
      values[(valuesById[6] = "FLOATS")] = 6;
      values[(valuesById[7] = "INTS")] = 7;
      values[(valuesById[8] = "STRINGS")] = 8;
      values[(valuesById[9] = "TENSORS")] = 9;
      values[(valuesById[10] = "GRAPHS")] = 10;
      values[(valuesById[12] = "SPARSE_TENSORS")] = 12;
      values[(valuesById[14] = "TYPE_PROTOS")] = 14;
      return values;
    })();

    return AttributeProto;
  })();

  onnx.ValueInfoProto = (function () {
    const ValueInfoProto = function (properties) {
      this.metadataProps = [];
      if (properties)
        for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
          if (properties[keys[i]] != null && keys[i] !== "__proto__")
            this[keys[i]] = properties[keys[i]];
    };

    ValueInfoProto.prototype.name = null;
    ValueInfoProto.prototype.type = null;
    ValueInfoProto.prototype.docString = null;
    ValueInfoProto.prototype.metadataProps = $util.emptyArray;

    let $oneOfFields;

    // Virtual OneOf for proto3 optional field
    $Object.defineProperty(ValueInfoProto.prototype, "_name", {
      get: $util.oneOfGetter(($oneOfFields = ["name"])),
      set: $util.oneOfSetter($oneOfFields),
    });

    // Virtual OneOf for proto3 optional field
    $Object.defineProperty(ValueInfoProto.prototype, "_type", {
      get: $util.oneOfGetter(($oneOfFields = ["type"])),
      set: $util.oneOfSetter($oneOfFields),
    });

    // Virtual OneOf for proto3 optional field
    $Object.defineProperty(ValueInfoProto.prototype, "_docString", {
      get: $util.oneOfGetter(($oneOfFields = ["docString"])),
      set: $util.oneOfSetter($oneOfFields),
    });

    ValueInfoProto.encode = function (message, writer, _depth) {
      if (!writer) writer = $Writer.create();
      if (_depth === $undefined) _depth = 0;
      if (_depth > $util.recursionLimit) throw $Error("max depth exceeded");
      if (message.name != null && $Object.hasOwnProperty.call(message, "name"))
        writer.uint32(10).string(message.name);
      if (message.type != null && $Object.hasOwnProperty.call(message, "type"))
        $root.onnx.TypeProto.encode(message.type, writer.uint32(18).fork(), _depth + 1).ldelim();
      if (message.docString != null && $Object.hasOwnProperty.call(message, "docString"))
        writer.uint32(26).string(message.docString);
      if (message.metadataProps != null && message.metadataProps.length)
        for (let i = 0; i < message.metadataProps.length; ++i)
          $root.onnx.StringStringEntryProto.encode(
            message.metadataProps[i],
            writer.uint32(34).fork(),
            _depth + 1,
          ).ldelim();
      if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
        for (let i = 0; i < message.$unknowns.length; ++i) writer.raw(message.$unknowns[i]);
      return writer;
    };

    ValueInfoProto.decode = function (reader, length, _end, _depth, _target) {
      if (!(reader instanceof $Reader)) reader = $Reader.create(reader);
      if (_depth === $undefined) _depth = 0;
      if (_depth > $Reader.recursionLimit) throw $Error("max depth exceeded");
      let end, message;
      if (length === $undefined) end = reader.len;
      else {
        end = reader.pos + length;
        if (end > reader.len) throw $RangeError("index out of range");
        length = reader.len;
        reader.len = end;
      }
      message = _target || new $root.onnx.ValueInfoProto();
      while (reader.pos < end) {
        let start = reader.pos;
        let tag = reader.tag();
        if (tag === _end) {
          _end = $undefined;
          break;
        }
        let wireType = tag & 7;
        switch ((tag >>>= 3)) {
          case 1: {
            if (wireType !== 2) break;
            message.name = reader.stringVerify();
            message._name = "name";
            continue;
          }
          case 2: {
            if (wireType !== 2) break;
            message.type = $root.onnx.TypeProto.decode(
              reader,
              reader.size(),
              $undefined,
              _depth + 1,
              message.type,
            );
            message._type = "type";
            continue;
          }
          case 3: {
            if (wireType !== 2) break;
            message.docString = reader.stringVerify();
            message._docString = "docString";
            continue;
          }
          case 4: {
            if (wireType !== 2) break;
            if (!(message.metadataProps && message.metadataProps.length))
              message.metadataProps = [];
            message.metadataProps.push(
              $root.onnx.StringStringEntryProto.decode(
                reader,
                reader.size(),
                $undefined,
                _depth + 1,
              ),
            );
            continue;
          }
        }
        reader.skipType(wireType, _depth, tag);
        if (!reader.discardUnknown) {
          $util.makeProp(message, "$unknowns", false);
          (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
        }
      }
      if (length !== $undefined) {
        if (reader.pos !== end) throw $RangeError("index out of range");
        reader.len = length;
      }
      if (_end !== $undefined) throw $Error("missing end group");
      return message;
    };

    return ValueInfoProto;
  })();

  onnx.NodeProto = (function () {
    const NodeProto = function (properties) {
      this.input = [];
      this.output = [];
      this.attribute = [];
      this.metadataProps = [];
      if (properties)
        for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
          if (properties[keys[i]] != null && keys[i] !== "__proto__")
            this[keys[i]] = properties[keys[i]];
    };

    NodeProto.prototype.input = $util.emptyArray;
    NodeProto.prototype.output = $util.emptyArray;
    NodeProto.prototype.name = null;
    NodeProto.prototype.opType = null;
    NodeProto.prototype.domain = null;
    NodeProto.prototype.overload = null;
    NodeProto.prototype.attribute = $util.emptyArray;
    NodeProto.prototype.docString = null;
    NodeProto.prototype.metadataProps = $util.emptyArray;

    let $oneOfFields;

    // Virtual OneOf for proto3 optional field
    $Object.defineProperty(NodeProto.prototype, "_name", {
      get: $util.oneOfGetter(($oneOfFields = ["name"])),
      set: $util.oneOfSetter($oneOfFields),
    });

    // Virtual OneOf for proto3 optional field
    $Object.defineProperty(NodeProto.prototype, "_opType", {
      get: $util.oneOfGetter(($oneOfFields = ["opType"])),
      set: $util.oneOfSetter($oneOfFields),
    });

    // Virtual OneOf for proto3 optional field
    $Object.defineProperty(NodeProto.prototype, "_domain", {
      get: $util.oneOfGetter(($oneOfFields = ["domain"])),
      set: $util.oneOfSetter($oneOfFields),
    });

    // Virtual OneOf for proto3 optional field
    $Object.defineProperty(NodeProto.prototype, "_overload", {
      get: $util.oneOfGetter(($oneOfFields = ["overload"])),
      set: $util.oneOfSetter($oneOfFields),
    });

    // Virtual OneOf for proto3 optional field
    $Object.defineProperty(NodeProto.prototype, "_docString", {
      get: $util.oneOfGetter(($oneOfFields = ["docString"])),
      set: $util.oneOfSetter($oneOfFields),
    });

    NodeProto.encode = function (message, writer, _depth) {
      if (!writer) writer = $Writer.create();
      if (_depth === $undefined) _depth = 0;
      if (_depth > $util.recursionLimit) throw $Error("max depth exceeded");
      if (message.input != null && message.input.length)
        for (let i = 0; i < message.input.length; ++i) writer.uint32(10).string(message.input[i]);
      if (message.output != null && message.output.length)
        for (let i = 0; i < message.output.length; ++i) writer.uint32(18).string(message.output[i]);
      if (message.name != null && $Object.hasOwnProperty.call(message, "name"))
        writer.uint32(26).string(message.name);
      if (message.opType != null && $Object.hasOwnProperty.call(message, "opType"))
        writer.uint32(34).string(message.opType);
      if (message.attribute != null && message.attribute.length)
        for (let i = 0; i < message.attribute.length; ++i)
          $root.onnx.AttributeProto.encode(
            message.attribute[i],
            writer.uint32(42).fork(),
            _depth + 1,
          ).ldelim();
      if (message.docString != null && $Object.hasOwnProperty.call(message, "docString"))
        writer.uint32(50).string(message.docString);
      if (message.domain != null && $Object.hasOwnProperty.call(message, "domain"))
        writer.uint32(58).string(message.domain);
      if (message.overload != null && $Object.hasOwnProperty.call(message, "overload"))
        writer.uint32(66).string(message.overload);
      if (message.metadataProps != null && message.metadataProps.length)
        for (let i = 0; i < message.metadataProps.length; ++i)
          $root.onnx.StringStringEntryProto.encode(
            message.metadataProps[i],
            writer.uint32(74).fork(),
            _depth + 1,
          ).ldelim();
      if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
        for (let i = 0; i < message.$unknowns.length; ++i) writer.raw(message.$unknowns[i]);
      return writer;
    };

    NodeProto.decode = function (reader, length, _end, _depth, _target) {
      if (!(reader instanceof $Reader)) reader = $Reader.create(reader);
      if (_depth === $undefined) _depth = 0;
      if (_depth > $Reader.recursionLimit) throw $Error("max depth exceeded");
      let end, message;
      if (length === $undefined) end = reader.len;
      else {
        end = reader.pos + length;
        if (end > reader.len) throw $RangeError("index out of range");
        length = reader.len;
        reader.len = end;
      }
      message = _target || new $root.onnx.NodeProto();
      while (reader.pos < end) {
        let start = reader.pos;
        let tag = reader.tag();
        if (tag === _end) {
          _end = $undefined;
          break;
        }
        let wireType = tag & 7;
        switch ((tag >>>= 3)) {
          case 1: {
            if (wireType !== 2) break;
            if (!(message.input && message.input.length)) message.input = [];
            message.input.push(reader.stringVerify());
            continue;
          }
          case 2: {
            if (wireType !== 2) break;
            if (!(message.output && message.output.length)) message.output = [];
            message.output.push(reader.stringVerify());
            continue;
          }
          case 3: {
            if (wireType !== 2) break;
            message.name = reader.stringVerify();
            message._name = "name";
            continue;
          }
          case 4: {
            if (wireType !== 2) break;
            message.opType = reader.stringVerify();
            message._opType = "opType";
            continue;
          }
          case 7: {
            if (wireType !== 2) break;
            message.domain = reader.stringVerify();
            message._domain = "domain";
            continue;
          }
          case 8: {
            if (wireType !== 2) break;
            message.overload = reader.stringVerify();
            message._overload = "overload";
            continue;
          }
          case 5: {
            if (wireType !== 2) break;
            if (!(message.attribute && message.attribute.length)) message.attribute = [];
            message.attribute.push(
              $root.onnx.AttributeProto.decode(reader, reader.size(), $undefined, _depth + 1),
            );
            continue;
          }
          case 6: {
            if (wireType !== 2) break;
            message.docString = reader.stringVerify();
            message._docString = "docString";
            continue;
          }
          case 9: {
            if (wireType !== 2) break;
            if (!(message.metadataProps && message.metadataProps.length))
              message.metadataProps = [];
            message.metadataProps.push(
              $root.onnx.StringStringEntryProto.decode(
                reader,
                reader.size(),
                $undefined,
                _depth + 1,
              ),
            );
            continue;
          }
        }
        reader.skipType(wireType, _depth, tag);
        if (!reader.discardUnknown) {
          $util.makeProp(message, "$unknowns", false);
          (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
        }
      }
      if (length !== $undefined) {
        if (reader.pos !== end) throw $RangeError("index out of range");
        reader.len = length;
      }
      if (_end !== $undefined) throw $Error("missing end group");
      return message;
    };

    return NodeProto;
  })();

  onnx.ModelProto = (function () {
    const ModelProto = function (properties) {
      this.opsetImport = [];
      this.metadataProps = [];
      if (properties)
        for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
          if (properties[keys[i]] != null && keys[i] !== "__proto__")
            this[keys[i]] = properties[keys[i]];
    };

    ModelProto.prototype.irVersion = null;
    ModelProto.prototype.opsetImport = $util.emptyArray;
    ModelProto.prototype.producerName = null;
    ModelProto.prototype.producerVersion = null;
    ModelProto.prototype.domain = null;
    ModelProto.prototype.modelVersion = null;
    ModelProto.prototype.docString = null;
    ModelProto.prototype.graph = null;
    ModelProto.prototype.metadataProps = $util.emptyArray;

    let $oneOfFields;

    // Virtual OneOf for proto3 optional field
    $Object.defineProperty(ModelProto.prototype, "_irVersion", {
      get: $util.oneOfGetter(($oneOfFields = ["irVersion"])),
      set: $util.oneOfSetter($oneOfFields),
    });

    // Virtual OneOf for proto3 optional field
    $Object.defineProperty(ModelProto.prototype, "_producerName", {
      get: $util.oneOfGetter(($oneOfFields = ["producerName"])),
      set: $util.oneOfSetter($oneOfFields),
    });

    // Virtual OneOf for proto3 optional field
    $Object.defineProperty(ModelProto.prototype, "_producerVersion", {
      get: $util.oneOfGetter(($oneOfFields = ["producerVersion"])),
      set: $util.oneOfSetter($oneOfFields),
    });

    // Virtual OneOf for proto3 optional field
    $Object.defineProperty(ModelProto.prototype, "_domain", {
      get: $util.oneOfGetter(($oneOfFields = ["domain"])),
      set: $util.oneOfSetter($oneOfFields),
    });

    // Virtual OneOf for proto3 optional field
    $Object.defineProperty(ModelProto.prototype, "_modelVersion", {
      get: $util.oneOfGetter(($oneOfFields = ["modelVersion"])),
      set: $util.oneOfSetter($oneOfFields),
    });

    // Virtual OneOf for proto3 optional field
    $Object.defineProperty(ModelProto.prototype, "_docString", {
      get: $util.oneOfGetter(($oneOfFields = ["docString"])),
      set: $util.oneOfSetter($oneOfFields),
    });

    // Virtual OneOf for proto3 optional field
    $Object.defineProperty(ModelProto.prototype, "_graph", {
      get: $util.oneOfGetter(($oneOfFields = ["graph"])),
      set: $util.oneOfSetter($oneOfFields),
    });

    ModelProto.encode = function (message, writer, _depth) {
      if (!writer) writer = $Writer.create();
      if (_depth === $undefined) _depth = 0;
      if (_depth > $util.recursionLimit) throw $Error("max depth exceeded");
      if (message.irVersion != null && $Object.hasOwnProperty.call(message, "irVersion"))
        writer.uint32(8).int64(message.irVersion);
      if (message.producerName != null && $Object.hasOwnProperty.call(message, "producerName"))
        writer.uint32(18).string(message.producerName);
      if (
        message.producerVersion != null &&
        $Object.hasOwnProperty.call(message, "producerVersion")
      )
        writer.uint32(26).string(message.producerVersion);
      if (message.domain != null && $Object.hasOwnProperty.call(message, "domain"))
        writer.uint32(34).string(message.domain);
      if (message.modelVersion != null && $Object.hasOwnProperty.call(message, "modelVersion"))
        writer.uint32(40).int64(message.modelVersion);
      if (message.docString != null && $Object.hasOwnProperty.call(message, "docString"))
        writer.uint32(50).string(message.docString);
      if (message.graph != null && $Object.hasOwnProperty.call(message, "graph"))
        $root.onnx.GraphProto.encode(message.graph, writer.uint32(58).fork(), _depth + 1).ldelim();
      if (message.opsetImport != null && message.opsetImport.length)
        for (let i = 0; i < message.opsetImport.length; ++i)
          $root.onnx.OperatorSetIdProto.encode(
            message.opsetImport[i],
            writer.uint32(66).fork(),
            _depth + 1,
          ).ldelim();
      if (message.metadataProps != null && message.metadataProps.length)
        for (let i = 0; i < message.metadataProps.length; ++i)
          $root.onnx.StringStringEntryProto.encode(
            message.metadataProps[i],
            writer.uint32(114).fork(),
            _depth + 1,
          ).ldelim();
      if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
        for (let i = 0; i < message.$unknowns.length; ++i) writer.raw(message.$unknowns[i]);
      return writer;
    };

    ModelProto.decode = function (reader, length, _end, _depth, _target) {
      if (!(reader instanceof $Reader)) reader = $Reader.create(reader);
      if (_depth === $undefined) _depth = 0;
      if (_depth > $Reader.recursionLimit) throw $Error("max depth exceeded");
      let end, message;
      if (length === $undefined) end = reader.len;
      else {
        end = reader.pos + length;
        if (end > reader.len) throw $RangeError("index out of range");
        length = reader.len;
        reader.len = end;
      }
      message = _target || new $root.onnx.ModelProto();
      while (reader.pos < end) {
        let start = reader.pos;
        let tag = reader.tag();
        if (tag === _end) {
          _end = $undefined;
          break;
        }
        let wireType = tag & 7;
        switch ((tag >>>= 3)) {
          case 1: {
            if (wireType !== 0) break;
            message.irVersion = reader.int64();
            message._irVersion = "irVersion";
            continue;
          }
          case 8: {
            if (wireType !== 2) break;
            if (!(message.opsetImport && message.opsetImport.length)) message.opsetImport = [];
            message.opsetImport.push(
              $root.onnx.OperatorSetIdProto.decode(reader, reader.size(), $undefined, _depth + 1),
            );
            continue;
          }
          case 2: {
            if (wireType !== 2) break;
            message.producerName = reader.stringVerify();
            message._producerName = "producerName";
            continue;
          }
          case 3: {
            if (wireType !== 2) break;
            message.producerVersion = reader.stringVerify();
            message._producerVersion = "producerVersion";
            continue;
          }
          case 4: {
            if (wireType !== 2) break;
            message.domain = reader.stringVerify();
            message._domain = "domain";
            continue;
          }
          case 5: {
            if (wireType !== 0) break;
            message.modelVersion = reader.int64();
            message._modelVersion = "modelVersion";
            continue;
          }
          case 6: {
            if (wireType !== 2) break;
            message.docString = reader.stringVerify();
            message._docString = "docString";
            continue;
          }
          case 7: {
            if (wireType !== 2) break;
            message.graph = $root.onnx.GraphProto.decode(
              reader,
              reader.size(),
              $undefined,
              _depth + 1,
              message.graph,
            );
            message._graph = "graph";
            continue;
          }
          case 14: {
            if (wireType !== 2) break;
            if (!(message.metadataProps && message.metadataProps.length))
              message.metadataProps = [];
            message.metadataProps.push(
              $root.onnx.StringStringEntryProto.decode(
                reader,
                reader.size(),
                $undefined,
                _depth + 1,
              ),
            );
            continue;
          }
        }
        reader.skipType(wireType, _depth, tag);
        if (!reader.discardUnknown) {
          $util.makeProp(message, "$unknowns", false);
          (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
        }
      }
      if (length !== $undefined) {
        if (reader.pos !== end) throw $RangeError("index out of range");
        reader.len = length;
      }
      if (_end !== $undefined) throw $Error("missing end group");
      return message;
    };

    return ModelProto;
  })();

  onnx.StringStringEntryProto = (function () {
    const StringStringEntryProto = function (properties) {
      if (properties)
        for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
          if (properties[keys[i]] != null && keys[i] !== "__proto__")
            this[keys[i]] = properties[keys[i]];
    };

    StringStringEntryProto.prototype.key = null;
    StringStringEntryProto.prototype.value = null;

    let $oneOfFields;

    // Virtual OneOf for proto3 optional field
    $Object.defineProperty(StringStringEntryProto.prototype, "_key", {
      get: $util.oneOfGetter(($oneOfFields = ["key"])),
      set: $util.oneOfSetter($oneOfFields),
    });

    // Virtual OneOf for proto3 optional field
    $Object.defineProperty(StringStringEntryProto.prototype, "_value", {
      get: $util.oneOfGetter(($oneOfFields = ["value"])),
      set: $util.oneOfSetter($oneOfFields),
    });

    StringStringEntryProto.encode = function (message, writer, _depth) {
      if (!writer) writer = $Writer.create();
      if (_depth === $undefined) _depth = 0;
      if (_depth > $util.recursionLimit) throw $Error("max depth exceeded");
      if (message.key != null && $Object.hasOwnProperty.call(message, "key"))
        writer.uint32(10).string(message.key);
      if (message.value != null && $Object.hasOwnProperty.call(message, "value"))
        writer.uint32(18).string(message.value);
      if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
        for (let i = 0; i < message.$unknowns.length; ++i) writer.raw(message.$unknowns[i]);
      return writer;
    };

    StringStringEntryProto.decode = function (reader, length, _end, _depth, _target) {
      if (!(reader instanceof $Reader)) reader = $Reader.create(reader);
      if (_depth === $undefined) _depth = 0;
      if (_depth > $Reader.recursionLimit) throw $Error("max depth exceeded");
      let end, message;
      if (length === $undefined) end = reader.len;
      else {
        end = reader.pos + length;
        if (end > reader.len) throw $RangeError("index out of range");
        length = reader.len;
        reader.len = end;
      }
      message = _target || new $root.onnx.StringStringEntryProto();
      while (reader.pos < end) {
        let start = reader.pos;
        let tag = reader.tag();
        if (tag === _end) {
          _end = $undefined;
          break;
        }
        let wireType = tag & 7;
        switch ((tag >>>= 3)) {
          case 1: {
            if (wireType !== 2) break;
            message.key = reader.stringVerify();
            message._key = "key";
            continue;
          }
          case 2: {
            if (wireType !== 2) break;
            message.value = reader.stringVerify();
            message._value = "value";
            continue;
          }
        }
        reader.skipType(wireType, _depth, tag);
        if (!reader.discardUnknown) {
          $util.makeProp(message, "$unknowns", false);
          (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
        }
      }
      if (length !== $undefined) {
        if (reader.pos !== end) throw $RangeError("index out of range");
        reader.len = length;
      }
      if (_end !== $undefined) throw $Error("missing end group");
      return message;
    };

    return StringStringEntryProto;
  })();

  onnx.GraphProto = (function () {
    const GraphProto = function (properties) {
      this.node = [];
      this.initializer = [];
      this.sparseInitializer = [];
      this.input = [];
      this.output = [];
      this.valueInfo = [];
      this.metadataProps = [];
      if (properties)
        for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
          if (properties[keys[i]] != null && keys[i] !== "__proto__")
            this[keys[i]] = properties[keys[i]];
    };

    GraphProto.prototype.node = $util.emptyArray;
    GraphProto.prototype.name = null;
    GraphProto.prototype.initializer = $util.emptyArray;
    GraphProto.prototype.sparseInitializer = $util.emptyArray;
    GraphProto.prototype.docString = null;
    GraphProto.prototype.input = $util.emptyArray;
    GraphProto.prototype.output = $util.emptyArray;
    GraphProto.prototype.valueInfo = $util.emptyArray;
    GraphProto.prototype.metadataProps = $util.emptyArray;

    let $oneOfFields;

    // Virtual OneOf for proto3 optional field
    $Object.defineProperty(GraphProto.prototype, "_name", {
      get: $util.oneOfGetter(($oneOfFields = ["name"])),
      set: $util.oneOfSetter($oneOfFields),
    });

    // Virtual OneOf for proto3 optional field
    $Object.defineProperty(GraphProto.prototype, "_docString", {
      get: $util.oneOfGetter(($oneOfFields = ["docString"])),
      set: $util.oneOfSetter($oneOfFields),
    });

    GraphProto.encode = function (message, writer, _depth) {
      if (!writer) writer = $Writer.create();
      if (_depth === $undefined) _depth = 0;
      if (_depth > $util.recursionLimit) throw $Error("max depth exceeded");
      if (message.node != null && message.node.length)
        for (let i = 0; i < message.node.length; ++i)
          $root.onnx.NodeProto.encode(
            message.node[i],
            writer.uint32(10).fork(),
            _depth + 1,
          ).ldelim();
      if (message.name != null && $Object.hasOwnProperty.call(message, "name"))
        writer.uint32(18).string(message.name);
      if (message.initializer != null && message.initializer.length)
        for (let i = 0; i < message.initializer.length; ++i)
          $root.onnx.TensorProto.encode(
            message.initializer[i],
            writer.uint32(42).fork(),
            _depth + 1,
          ).ldelim();
      if (message.docString != null && $Object.hasOwnProperty.call(message, "docString"))
        writer.uint32(82).string(message.docString);
      if (message.input != null && message.input.length)
        for (let i = 0; i < message.input.length; ++i)
          $root.onnx.ValueInfoProto.encode(
            message.input[i],
            writer.uint32(90).fork(),
            _depth + 1,
          ).ldelim();
      if (message.output != null && message.output.length)
        for (let i = 0; i < message.output.length; ++i)
          $root.onnx.ValueInfoProto.encode(
            message.output[i],
            writer.uint32(98).fork(),
            _depth + 1,
          ).ldelim();
      if (message.valueInfo != null && message.valueInfo.length)
        for (let i = 0; i < message.valueInfo.length; ++i)
          $root.onnx.ValueInfoProto.encode(
            message.valueInfo[i],
            writer.uint32(106).fork(),
            _depth + 1,
          ).ldelim();
      if (message.sparseInitializer != null && message.sparseInitializer.length)
        for (let i = 0; i < message.sparseInitializer.length; ++i)
          $root.onnx.SparseTensorProto.encode(
            message.sparseInitializer[i],
            writer.uint32(122).fork(),
            _depth + 1,
          ).ldelim();
      if (message.metadataProps != null && message.metadataProps.length)
        for (let i = 0; i < message.metadataProps.length; ++i)
          $root.onnx.StringStringEntryProto.encode(
            message.metadataProps[i],
            writer.uint32(130).fork(),
            _depth + 1,
          ).ldelim();
      if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
        for (let i = 0; i < message.$unknowns.length; ++i) writer.raw(message.$unknowns[i]);
      return writer;
    };

    GraphProto.decode = function (reader, length, _end, _depth, _target) {
      if (!(reader instanceof $Reader)) reader = $Reader.create(reader);
      if (_depth === $undefined) _depth = 0;
      if (_depth > $Reader.recursionLimit) throw $Error("max depth exceeded");
      let end, message;
      if (length === $undefined) end = reader.len;
      else {
        end = reader.pos + length;
        if (end > reader.len) throw $RangeError("index out of range");
        length = reader.len;
        reader.len = end;
      }
      message = _target || new $root.onnx.GraphProto();
      while (reader.pos < end) {
        let start = reader.pos;
        let tag = reader.tag();
        if (tag === _end) {
          _end = $undefined;
          break;
        }
        let wireType = tag & 7;
        switch ((tag >>>= 3)) {
          case 1: {
            if (wireType !== 2) break;
            if (!(message.node && message.node.length)) message.node = [];
            message.node.push(
              $root.onnx.NodeProto.decode(reader, reader.size(), $undefined, _depth + 1),
            );
            continue;
          }
          case 2: {
            if (wireType !== 2) break;
            message.name = reader.stringVerify();
            message._name = "name";
            continue;
          }
          case 5: {
            if (wireType !== 2) break;
            if (!(message.initializer && message.initializer.length)) message.initializer = [];
            message.initializer.push(
              $root.onnx.TensorProto.decode(reader, reader.size(), $undefined, _depth + 1),
            );
            continue;
          }
          case 15: {
            if (wireType !== 2) break;
            if (!(message.sparseInitializer && message.sparseInitializer.length))
              message.sparseInitializer = [];
            message.sparseInitializer.push(
              $root.onnx.SparseTensorProto.decode(reader, reader.size(), $undefined, _depth + 1),
            );
            continue;
          }
          case 10: {
            if (wireType !== 2) break;
            message.docString = reader.stringVerify();
            message._docString = "docString";
            continue;
          }
          case 11: {
            if (wireType !== 2) break;
            if (!(message.input && message.input.length)) message.input = [];
            message.input.push(
              $root.onnx.ValueInfoProto.decode(reader, reader.size(), $undefined, _depth + 1),
            );
            continue;
          }
          case 12: {
            if (wireType !== 2) break;
            if (!(message.output && message.output.length)) message.output = [];
            message.output.push(
              $root.onnx.ValueInfoProto.decode(reader, reader.size(), $undefined, _depth + 1),
            );
            continue;
          }
          case 13: {
            if (wireType !== 2) break;
            if (!(message.valueInfo && message.valueInfo.length)) message.valueInfo = [];
            message.valueInfo.push(
              $root.onnx.ValueInfoProto.decode(reader, reader.size(), $undefined, _depth + 1),
            );
            continue;
          }
          case 16: {
            if (wireType !== 2) break;
            if (!(message.metadataProps && message.metadataProps.length))
              message.metadataProps = [];
            message.metadataProps.push(
              $root.onnx.StringStringEntryProto.decode(
                reader,
                reader.size(),
                $undefined,
                _depth + 1,
              ),
            );
            continue;
          }
        }
        reader.skipType(wireType, _depth, tag);
        if (!reader.discardUnknown) {
          $util.makeProp(message, "$unknowns", false);
          (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
        }
      }
      if (length !== $undefined) {
        if (reader.pos !== end) throw $RangeError("index out of range");
        reader.len = length;
      }
      if (_end !== $undefined) throw $Error("missing end group");
      return message;
    };

    return GraphProto;
  })();

  onnx.TensorProto = (function () {
    const TensorProto = function (properties) {
      this.dims = [];
      this.floatData = [];
      this.int32Data = [];
      this.stringData = [];
      this.int64Data = [];
      this.externalData = [];
      this.doubleData = [];
      this.uint64Data = [];
      this.metadataProps = [];
      if (properties)
        for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
          if (properties[keys[i]] != null && keys[i] !== "__proto__")
            this[keys[i]] = properties[keys[i]];
    };

    TensorProto.prototype.dims = $util.emptyArray;
    TensorProto.prototype.dataType = null;
    TensorProto.prototype.segment = null;
    TensorProto.prototype.floatData = $util.emptyArray;
    TensorProto.prototype.int32Data = $util.emptyArray;
    TensorProto.prototype.stringData = $util.emptyArray;
    TensorProto.prototype.int64Data = $util.emptyArray;
    TensorProto.prototype.name = null;
    TensorProto.prototype.docString = null;
    TensorProto.prototype.rawData = null;
    TensorProto.prototype.externalData = $util.emptyArray;
    TensorProto.prototype.dataLocation = null;
    TensorProto.prototype.doubleData = $util.emptyArray;
    TensorProto.prototype.uint64Data = $util.emptyArray;
    TensorProto.prototype.metadataProps = $util.emptyArray;

    let $oneOfFields;

    // Virtual OneOf for proto3 optional field
    $Object.defineProperty(TensorProto.prototype, "_dataType", {
      get: $util.oneOfGetter(($oneOfFields = ["dataType"])),
      set: $util.oneOfSetter($oneOfFields),
    });

    // Virtual OneOf for proto3 optional field
    $Object.defineProperty(TensorProto.prototype, "_segment", {
      get: $util.oneOfGetter(($oneOfFields = ["segment"])),
      set: $util.oneOfSetter($oneOfFields),
    });

    // Virtual OneOf for proto3 optional field
    $Object.defineProperty(TensorProto.prototype, "_name", {
      get: $util.oneOfGetter(($oneOfFields = ["name"])),
      set: $util.oneOfSetter($oneOfFields),
    });

    // Virtual OneOf for proto3 optional field
    $Object.defineProperty(TensorProto.prototype, "_docString", {
      get: $util.oneOfGetter(($oneOfFields = ["docString"])),
      set: $util.oneOfSetter($oneOfFields),
    });

    // Virtual OneOf for proto3 optional field
    $Object.defineProperty(TensorProto.prototype, "_rawData", {
      get: $util.oneOfGetter(($oneOfFields = ["rawData"])),
      set: $util.oneOfSetter($oneOfFields),
    });

    // Virtual OneOf for proto3 optional field
    $Object.defineProperty(TensorProto.prototype, "_dataLocation", {
      get: $util.oneOfGetter(($oneOfFields = ["dataLocation"])),
      set: $util.oneOfSetter($oneOfFields),
    });

    TensorProto.encode = function (message, writer, _depth) {
      if (!writer) writer = $Writer.create();
      if (_depth === $undefined) _depth = 0;
      if (_depth > $util.recursionLimit) throw $Error("max depth exceeded");
      if (message.dims != null && message.dims.length) writer.uint32(10).int64s(message.dims);
      if (message.dataType != null && $Object.hasOwnProperty.call(message, "dataType"))
        writer.uint32(16).int32(message.dataType);
      if (message.segment != null && $Object.hasOwnProperty.call(message, "segment"))
        $root.onnx.TensorProto.Segment.encode(
          message.segment,
          writer.uint32(26).fork(),
          _depth + 1,
        ).ldelim();
      if (message.floatData != null && message.floatData.length)
        writer.uint32(34).floats(message.floatData);
      if (message.int32Data != null && message.int32Data.length)
        writer.uint32(42).int32s(message.int32Data);
      if (message.stringData != null && message.stringData.length)
        for (let i = 0; i < message.stringData.length; ++i)
          writer.uint32(50).bytes(message.stringData[i]);
      if (message.int64Data != null && message.int64Data.length)
        writer.uint32(58).int64s(message.int64Data);
      if (message.name != null && $Object.hasOwnProperty.call(message, "name"))
        writer.uint32(66).string(message.name);
      if (message.rawData != null && $Object.hasOwnProperty.call(message, "rawData"))
        writer.uint32(74).bytes(message.rawData);
      if (message.doubleData != null && message.doubleData.length)
        writer.uint32(82).doubles(message.doubleData);
      if (message.uint64Data != null && message.uint64Data.length)
        writer.uint32(90).uint64s(message.uint64Data);
      if (message.docString != null && $Object.hasOwnProperty.call(message, "docString"))
        writer.uint32(98).string(message.docString);
      if (message.externalData != null && message.externalData.length)
        for (let i = 0; i < message.externalData.length; ++i)
          $root.onnx.StringStringEntryProto.encode(
            message.externalData[i],
            writer.uint32(106).fork(),
            _depth + 1,
          ).ldelim();
      if (message.dataLocation != null && $Object.hasOwnProperty.call(message, "dataLocation"))
        writer.uint32(112).int32(message.dataLocation);
      if (message.metadataProps != null && message.metadataProps.length)
        for (let i = 0; i < message.metadataProps.length; ++i)
          $root.onnx.StringStringEntryProto.encode(
            message.metadataProps[i],
            writer.uint32(130).fork(),
            _depth + 1,
          ).ldelim();
      if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
        for (let i = 0; i < message.$unknowns.length; ++i) writer.raw(message.$unknowns[i]);
      return writer;
    };

    TensorProto.decode = function (reader, length, _end, _depth, _target) {
      if (!(reader instanceof $Reader)) reader = $Reader.create(reader);
      if (_depth === $undefined) _depth = 0;
      if (_depth > $Reader.recursionLimit) throw $Error("max depth exceeded");
      let end, message, value;
      if (length === $undefined) end = reader.len;
      else {
        end = reader.pos + length;
        if (end > reader.len) throw $RangeError("index out of range");
        length = reader.len;
        reader.len = end;
      }
      message = _target || new $root.onnx.TensorProto();
      while (reader.pos < end) {
        let start = reader.pos;
        let tag = reader.tag();
        if (tag === _end) {
          _end = $undefined;
          break;
        }
        let wireType = tag & 7;
        switch ((tag >>>= 3)) {
          case 1: {
            if (wireType === 2) {
              if (!(message.dims && message.dims.length)) message.dims = [];
              reader.int64s(message.dims);
              continue;
            }
            if (wireType !== 0) break;
            if (!(message.dims && message.dims.length)) message.dims = [];
            message.dims.push(reader.int64());
            continue;
          }
          case 2: {
            if (wireType !== 0) break;
            message.dataType = reader.int32();
            message._dataType = "dataType";
            continue;
          }
          case 3: {
            if (wireType !== 2) break;
            message.segment = $root.onnx.TensorProto.Segment.decode(
              reader,
              reader.size(),
              $undefined,
              _depth + 1,
              message.segment,
            );
            message._segment = "segment";
            continue;
          }
          case 4: {
            if (wireType === 2) {
              if (!(message.floatData && message.floatData.length)) message.floatData = [];
              reader.floats(message.floatData);
              continue;
            }
            if (wireType !== 5) break;
            if (!(message.floatData && message.floatData.length)) message.floatData = [];
            message.floatData.push(reader.float());
            continue;
          }
          case 5: {
            if (wireType === 2) {
              if (!(message.int32Data && message.int32Data.length)) message.int32Data = [];
              reader.int32s(message.int32Data);
              continue;
            }
            if (wireType !== 0) break;
            if (!(message.int32Data && message.int32Data.length)) message.int32Data = [];
            message.int32Data.push(reader.int32());
            continue;
          }
          case 6: {
            if (wireType !== 2) break;
            if (!(message.stringData && message.stringData.length)) message.stringData = [];
            message.stringData.push(reader.bytes());
            continue;
          }
          case 7: {
            if (wireType === 2) {
              if (!(message.int64Data && message.int64Data.length)) message.int64Data = [];
              reader.int64s(message.int64Data);
              continue;
            }
            if (wireType !== 0) break;
            if (!(message.int64Data && message.int64Data.length)) message.int64Data = [];
            message.int64Data.push(reader.int64());
            continue;
          }
          case 8: {
            if (wireType !== 2) break;
            message.name = reader.stringVerify();
            message._name = "name";
            continue;
          }
          case 12: {
            if (wireType !== 2) break;
            message.docString = reader.stringVerify();
            message._docString = "docString";
            continue;
          }
          case 9: {
            if (wireType !== 2) break;
            message.rawData = reader.bytes();
            message._rawData = "rawData";
            continue;
          }
          case 13: {
            if (wireType !== 2) break;
            if (!(message.externalData && message.externalData.length)) message.externalData = [];
            message.externalData.push(
              $root.onnx.StringStringEntryProto.decode(
                reader,
                reader.size(),
                $undefined,
                _depth + 1,
              ),
            );
            continue;
          }
          case 14: {
            if (wireType !== 0) break;
            message.dataLocation = reader.int32();
            message._dataLocation = "dataLocation";
            continue;
          }
          case 10: {
            if (wireType === 2) {
              if (!(message.doubleData && message.doubleData.length)) message.doubleData = [];
              reader.doubles(message.doubleData);
              continue;
            }
            if (wireType !== 1) break;
            if (!(message.doubleData && message.doubleData.length)) message.doubleData = [];
            message.doubleData.push(reader.double());
            continue;
          }
          case 11: {
            if (wireType === 2) {
              if (!(message.uint64Data && message.uint64Data.length)) message.uint64Data = [];
              reader.uint64s(message.uint64Data);
              continue;
            }
            if (wireType !== 0) break;
            if (!(message.uint64Data && message.uint64Data.length)) message.uint64Data = [];
            message.uint64Data.push(reader.uint64());
            continue;
          }
          case 16: {
            if (wireType !== 2) break;
            if (!(message.metadataProps && message.metadataProps.length))
              message.metadataProps = [];
            message.metadataProps.push(
              $root.onnx.StringStringEntryProto.decode(
                reader,
                reader.size(),
                $undefined,
                _depth + 1,
              ),
            );
            continue;
          }
        }
        reader.skipType(wireType, _depth, tag);
        if (!reader.discardUnknown) {
          $util.makeProp(message, "$unknowns", false);
          (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
        }
      }
      if (length !== $undefined) {
        if (reader.pos !== end) throw $RangeError("index out of range");
        reader.len = length;
      }
      if (_end !== $undefined) throw $Error("missing end group");
      return message;
    };

    TensorProto.DataType = (function () {
      const valuesById = $Object.create(null),
        values = $Object.create(valuesById);
      values[(valuesById[0] = "UNDEFINED")] = 0;
      values[(valuesById[1] = "FLOAT")] = 1;
      values[(valuesById[2] = "UINT8")] = 2;
      values[(valuesById[3] = "INT8")] = 3;
      values[(valuesById[4] = "UINT16")] = 4;
      values[(valuesById[5] = "INT16")] = 5;
      values[(valuesById[6] = "INT32")] = 6;
      values[(valuesById[7] = "INT64")] = 7;
      values[(valuesById[8] = "STRING")] = 8;
      values[(valuesById[9] = "BOOL")] = 9;
      values[(valuesById[10] = "FLOAT16")] = 10;
      values[(valuesById[11] = "DOUBLE")] = 11;
      values[(valuesById[12] = "UINT32")] = 12;
      values[(valuesById[13] = "UINT64")] = 13;
      values[(valuesById[14] = "COMPLEX64")] = 14;
      values[(valuesById[15] = "COMPLEX128")] = 15;
      values[(valuesById[16] = "BFLOAT16")] = 16;
      values[(valuesById[17] = "FLOAT8E4M3FN")] = 17;
      values[(valuesById[18] = "FLOAT8E4M3FNUZ")] = 18;
      values[(valuesById[19] = "FLOAT8E5M2")] = 19;
      values[(valuesById[20] = "FLOAT8E5M2FNUZ")] = 20;
      values[(valuesById[21] = "UINT4")] = 21;
      values[(valuesById[22] = "INT4")] = 22;
      values[(valuesById[23] = "FLOAT4E2M1")] = 23;
      return values;
    })();

    TensorProto.DataLocation = (function () {
      const valuesById = $Object.create(null),
        values = $Object.create(valuesById);
      values[(valuesById[0] = "DEFAULT")] = 0;
      values[(valuesById[1] = "EXTERNAL")] = 1;
      return values;
    })();

    TensorProto.Segment = (function () {
      const Segment = function (properties) {
        if (properties)
          for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
            if (properties[keys[i]] != null && keys[i] !== "__proto__")
              this[keys[i]] = properties[keys[i]];
      };

      Segment.prototype.begin = null;
      Segment.prototype.end = null;

      let $oneOfFields;

      // Virtual OneOf for proto3 optional field
      $Object.defineProperty(Segment.prototype, "_begin", {
        get: $util.oneOfGetter(($oneOfFields = ["begin"])),
        set: $util.oneOfSetter($oneOfFields),
      });

      // Virtual OneOf for proto3 optional field
      $Object.defineProperty(Segment.prototype, "_end", {
        get: $util.oneOfGetter(($oneOfFields = ["end"])),
        set: $util.oneOfSetter($oneOfFields),
      });

      Segment.encode = function (message, writer, _depth) {
        if (!writer) writer = $Writer.create();
        if (_depth === $undefined) _depth = 0;
        if (_depth > $util.recursionLimit) throw $Error("max depth exceeded");
        if (message.begin != null && $Object.hasOwnProperty.call(message, "begin"))
          writer.uint32(8).int64(message.begin);
        if (message.end != null && $Object.hasOwnProperty.call(message, "end"))
          writer.uint32(16).int64(message.end);
        if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
          for (let i = 0; i < message.$unknowns.length; ++i) writer.raw(message.$unknowns[i]);
        return writer;
      };

      Segment.decode = function (reader, length, _end, _depth, _target) {
        if (!(reader instanceof $Reader)) reader = $Reader.create(reader);
        if (_depth === $undefined) _depth = 0;
        if (_depth > $Reader.recursionLimit) throw $Error("max depth exceeded");
        let end, message;
        if (length === $undefined) end = reader.len;
        else {
          end = reader.pos + length;
          if (end > reader.len) throw $RangeError("index out of range");
          length = reader.len;
          reader.len = end;
        }
        message = _target || new $root.onnx.TensorProto.Segment();
        while (reader.pos < end) {
          let start = reader.pos;
          let tag = reader.tag();
          if (tag === _end) {
            _end = $undefined;
            break;
          }
          let wireType = tag & 7;
          switch ((tag >>>= 3)) {
            case 1: {
              if (wireType !== 0) break;
              message.begin = reader.int64();
              message._begin = "begin";
              continue;
            }
            case 2: {
              if (wireType !== 0) break;
              message.end = reader.int64();
              message._end = "end";
              continue;
            }
          }
          reader.skipType(wireType, _depth, tag);
          if (!reader.discardUnknown) {
            $util.makeProp(message, "$unknowns", false);
            (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
          }
        }
        if (length !== $undefined) {
          if (reader.pos !== end) throw $RangeError("index out of range");
          reader.len = length;
        }
        if (_end !== $undefined) throw $Error("missing end group");
        return message;
      };

      return Segment;
    })();

    return TensorProto;
  })();

  onnx.SparseTensorProto = (function () {
    const SparseTensorProto = function (properties) {
      this.dims = [];
      if (properties)
        for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
          if (properties[keys[i]] != null && keys[i] !== "__proto__")
            this[keys[i]] = properties[keys[i]];
    };

    SparseTensorProto.prototype.values = null;
    SparseTensorProto.prototype.indices = null;
    SparseTensorProto.prototype.dims = $util.emptyArray;

    let $oneOfFields;

    // Virtual OneOf for proto3 optional field
    $Object.defineProperty(SparseTensorProto.prototype, "_values", {
      get: $util.oneOfGetter(($oneOfFields = ["values"])),
      set: $util.oneOfSetter($oneOfFields),
    });

    // Virtual OneOf for proto3 optional field
    $Object.defineProperty(SparseTensorProto.prototype, "_indices", {
      get: $util.oneOfGetter(($oneOfFields = ["indices"])),
      set: $util.oneOfSetter($oneOfFields),
    });

    SparseTensorProto.encode = function (message, writer, _depth) {
      if (!writer) writer = $Writer.create();
      if (_depth === $undefined) _depth = 0;
      if (_depth > $util.recursionLimit) throw $Error("max depth exceeded");
      if (message.values != null && $Object.hasOwnProperty.call(message, "values"))
        $root.onnx.TensorProto.encode(
          message.values,
          writer.uint32(10).fork(),
          _depth + 1,
        ).ldelim();
      if (message.indices != null && $Object.hasOwnProperty.call(message, "indices"))
        $root.onnx.TensorProto.encode(
          message.indices,
          writer.uint32(18).fork(),
          _depth + 1,
        ).ldelim();
      if (message.dims != null && message.dims.length) writer.uint32(26).int64s(message.dims);
      if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
        for (let i = 0; i < message.$unknowns.length; ++i) writer.raw(message.$unknowns[i]);
      return writer;
    };

    SparseTensorProto.decode = function (reader, length, _end, _depth, _target) {
      if (!(reader instanceof $Reader)) reader = $Reader.create(reader);
      if (_depth === $undefined) _depth = 0;
      if (_depth > $Reader.recursionLimit) throw $Error("max depth exceeded");
      let end, message;
      if (length === $undefined) end = reader.len;
      else {
        end = reader.pos + length;
        if (end > reader.len) throw $RangeError("index out of range");
        length = reader.len;
        reader.len = end;
      }
      message = _target || new $root.onnx.SparseTensorProto();
      while (reader.pos < end) {
        let start = reader.pos;
        let tag = reader.tag();
        if (tag === _end) {
          _end = $undefined;
          break;
        }
        let wireType = tag & 7;
        switch ((tag >>>= 3)) {
          case 1: {
            if (wireType !== 2) break;
            message.values = $root.onnx.TensorProto.decode(
              reader,
              reader.size(),
              $undefined,
              _depth + 1,
              message.values,
            );
            message._values = "values";
            continue;
          }
          case 2: {
            if (wireType !== 2) break;
            message.indices = $root.onnx.TensorProto.decode(
              reader,
              reader.size(),
              $undefined,
              _depth + 1,
              message.indices,
            );
            message._indices = "indices";
            continue;
          }
          case 3: {
            if (wireType === 2) {
              if (!(message.dims && message.dims.length)) message.dims = [];
              reader.int64s(message.dims);
              continue;
            }
            if (wireType !== 0) break;
            if (!(message.dims && message.dims.length)) message.dims = [];
            message.dims.push(reader.int64());
            continue;
          }
        }
        reader.skipType(wireType, _depth, tag);
        if (!reader.discardUnknown) {
          $util.makeProp(message, "$unknowns", false);
          (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
        }
      }
      if (length !== $undefined) {
        if (reader.pos !== end) throw $RangeError("index out of range");
        reader.len = length;
      }
      if (_end !== $undefined) throw $Error("missing end group");
      return message;
    };

    return SparseTensorProto;
  })();

  onnx.TensorShapeProto = (function () {
    const TensorShapeProto = function (properties) {
      this.dim = [];
      if (properties)
        for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
          if (properties[keys[i]] != null && keys[i] !== "__proto__")
            this[keys[i]] = properties[keys[i]];
    };

    TensorShapeProto.prototype.dim = $util.emptyArray;

    TensorShapeProto.encode = function (message, writer, _depth) {
      if (!writer) writer = $Writer.create();
      if (_depth === $undefined) _depth = 0;
      if (_depth > $util.recursionLimit) throw $Error("max depth exceeded");
      if (message.dim != null && message.dim.length)
        for (let i = 0; i < message.dim.length; ++i)
          $root.onnx.TensorShapeProto.Dimension.encode(
            message.dim[i],
            writer.uint32(10).fork(),
            _depth + 1,
          ).ldelim();
      if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
        for (let i = 0; i < message.$unknowns.length; ++i) writer.raw(message.$unknowns[i]);
      return writer;
    };

    TensorShapeProto.decode = function (reader, length, _end, _depth, _target) {
      if (!(reader instanceof $Reader)) reader = $Reader.create(reader);
      if (_depth === $undefined) _depth = 0;
      if (_depth > $Reader.recursionLimit) throw $Error("max depth exceeded");
      let end, message;
      if (length === $undefined) end = reader.len;
      else {
        end = reader.pos + length;
        if (end > reader.len) throw $RangeError("index out of range");
        length = reader.len;
        reader.len = end;
      }
      message = _target || new $root.onnx.TensorShapeProto();
      while (reader.pos < end) {
        let start = reader.pos;
        let tag = reader.tag();
        if (tag === _end) {
          _end = $undefined;
          break;
        }
        let wireType = tag & 7;
        switch ((tag >>>= 3)) {
          case 1: {
            if (wireType !== 2) break;
            if (!(message.dim && message.dim.length)) message.dim = [];
            message.dim.push(
              $root.onnx.TensorShapeProto.Dimension.decode(
                reader,
                reader.size(),
                $undefined,
                _depth + 1,
              ),
            );
            continue;
          }
        }
        reader.skipType(wireType, _depth, tag);
        if (!reader.discardUnknown) {
          $util.makeProp(message, "$unknowns", false);
          (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
        }
      }
      if (length !== $undefined) {
        if (reader.pos !== end) throw $RangeError("index out of range");
        reader.len = length;
      }
      if (_end !== $undefined) throw $Error("missing end group");
      return message;
    };

    TensorShapeProto.Dimension = (function () {
      const Dimension = function (properties) {
        if (properties)
          for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
            if (properties[keys[i]] != null && keys[i] !== "__proto__")
              this[keys[i]] = properties[keys[i]];
      };

      Dimension.prototype.dimValue = null;
      Dimension.prototype.dimParam = null;
      Dimension.prototype.denotation = null;

      let $oneOfFields;

      $Object.defineProperty(Dimension.prototype, "value", {
        get: $util.oneOfGetter(($oneOfFields = ["dimValue", "dimParam"])),
        set: $util.oneOfSetter($oneOfFields),
      });

      // Virtual OneOf for proto3 optional field
      $Object.defineProperty(Dimension.prototype, "_denotation", {
        get: $util.oneOfGetter(($oneOfFields = ["denotation"])),
        set: $util.oneOfSetter($oneOfFields),
      });

      Dimension.encode = function (message, writer, _depth) {
        if (!writer) writer = $Writer.create();
        if (_depth === $undefined) _depth = 0;
        if (_depth > $util.recursionLimit) throw $Error("max depth exceeded");
        if (message.dimValue != null && $Object.hasOwnProperty.call(message, "dimValue"))
          writer.uint32(8).int64(message.dimValue);
        if (message.dimParam != null && $Object.hasOwnProperty.call(message, "dimParam"))
          writer.uint32(18).string(message.dimParam);
        if (message.denotation != null && $Object.hasOwnProperty.call(message, "denotation"))
          writer.uint32(26).string(message.denotation);
        if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
          for (let i = 0; i < message.$unknowns.length; ++i) writer.raw(message.$unknowns[i]);
        return writer;
      };

      Dimension.decode = function (reader, length, _end, _depth, _target) {
        if (!(reader instanceof $Reader)) reader = $Reader.create(reader);
        if (_depth === $undefined) _depth = 0;
        if (_depth > $Reader.recursionLimit) throw $Error("max depth exceeded");
        let end, message;
        if (length === $undefined) end = reader.len;
        else {
          end = reader.pos + length;
          if (end > reader.len) throw $RangeError("index out of range");
          length = reader.len;
          reader.len = end;
        }
        message = _target || new $root.onnx.TensorShapeProto.Dimension();
        while (reader.pos < end) {
          let start = reader.pos;
          let tag = reader.tag();
          if (tag === _end) {
            _end = $undefined;
            break;
          }
          let wireType = tag & 7;
          switch ((tag >>>= 3)) {
            case 1: {
              if (wireType !== 0) break;
              message.dimValue = reader.int64();
              message.value = "dimValue";
              continue;
            }
            case 2: {
              if (wireType !== 2) break;
              message.dimParam = reader.stringVerify();
              message.value = "dimParam";
              continue;
            }
            case 3: {
              if (wireType !== 2) break;
              message.denotation = reader.stringVerify();
              message._denotation = "denotation";
              continue;
            }
          }
          reader.skipType(wireType, _depth, tag);
          if (!reader.discardUnknown) {
            $util.makeProp(message, "$unknowns", false);
            (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
          }
        }
        if (length !== $undefined) {
          if (reader.pos !== end) throw $RangeError("index out of range");
          reader.len = length;
        }
        if (_end !== $undefined) throw $Error("missing end group");
        return message;
      };

      return Dimension;
    })();

    return TensorShapeProto;
  })();

  onnx.TypeProto = (function () {
    const TypeProto = function (properties) {
      if (properties)
        for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
          if (properties[keys[i]] != null && keys[i] !== "__proto__")
            this[keys[i]] = properties[keys[i]];
    };

    TypeProto.prototype.tensorType = null;
    TypeProto.prototype.sequenceType = null;
    TypeProto.prototype.mapType = null;
    TypeProto.prototype.optionalType = null;
    TypeProto.prototype.sparseTensorType = null;
    TypeProto.prototype.denotation = null;

    let $oneOfFields;

    $Object.defineProperty(TypeProto.prototype, "value", {
      get: $util.oneOfGetter(
        ($oneOfFields = [
          "tensorType",
          "sequenceType",
          "mapType",
          "optionalType",
          "sparseTensorType",
        ]),
      ),
      set: $util.oneOfSetter($oneOfFields),
    });

    // Virtual OneOf for proto3 optional field
    $Object.defineProperty(TypeProto.prototype, "_denotation", {
      get: $util.oneOfGetter(($oneOfFields = ["denotation"])),
      set: $util.oneOfSetter($oneOfFields),
    });

    TypeProto.encode = function (message, writer, _depth) {
      if (!writer) writer = $Writer.create();
      if (_depth === $undefined) _depth = 0;
      if (_depth > $util.recursionLimit) throw $Error("max depth exceeded");
      if (message.tensorType != null && $Object.hasOwnProperty.call(message, "tensorType"))
        $root.onnx.TypeProto.Tensor.encode(
          message.tensorType,
          writer.uint32(10).fork(),
          _depth + 1,
        ).ldelim();
      if (message.sequenceType != null && $Object.hasOwnProperty.call(message, "sequenceType"))
        $root.onnx.TypeProto.Sequence.encode(
          message.sequenceType,
          writer.uint32(34).fork(),
          _depth + 1,
        ).ldelim();
      if (message.mapType != null && $Object.hasOwnProperty.call(message, "mapType"))
        $root.onnx.TypeProto.Map.encode(
          message.mapType,
          writer.uint32(42).fork(),
          _depth + 1,
        ).ldelim();
      if (message.denotation != null && $Object.hasOwnProperty.call(message, "denotation"))
        writer.uint32(50).string(message.denotation);
      if (
        message.sparseTensorType != null &&
        $Object.hasOwnProperty.call(message, "sparseTensorType")
      )
        $root.onnx.TypeProto.SparseTensor.encode(
          message.sparseTensorType,
          writer.uint32(66).fork(),
          _depth + 1,
        ).ldelim();
      if (message.optionalType != null && $Object.hasOwnProperty.call(message, "optionalType"))
        $root.onnx.TypeProto.Optional.encode(
          message.optionalType,
          writer.uint32(74).fork(),
          _depth + 1,
        ).ldelim();
      if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
        for (let i = 0; i < message.$unknowns.length; ++i) writer.raw(message.$unknowns[i]);
      return writer;
    };

    TypeProto.decode = function (reader, length, _end, _depth, _target) {
      if (!(reader instanceof $Reader)) reader = $Reader.create(reader);
      if (_depth === $undefined) _depth = 0;
      if (_depth > $Reader.recursionLimit) throw $Error("max depth exceeded");
      let end, message;
      if (length === $undefined) end = reader.len;
      else {
        end = reader.pos + length;
        if (end > reader.len) throw $RangeError("index out of range");
        length = reader.len;
        reader.len = end;
      }
      message = _target || new $root.onnx.TypeProto();
      while (reader.pos < end) {
        let start = reader.pos;
        let tag = reader.tag();
        if (tag === _end) {
          _end = $undefined;
          break;
        }
        let wireType = tag & 7;
        switch ((tag >>>= 3)) {
          case 1: {
            if (wireType !== 2) break;
            message.tensorType = $root.onnx.TypeProto.Tensor.decode(
              reader,
              reader.size(),
              $undefined,
              _depth + 1,
              message.tensorType,
            );
            message.value = "tensorType";
            continue;
          }
          case 4: {
            if (wireType !== 2) break;
            message.sequenceType = $root.onnx.TypeProto.Sequence.decode(
              reader,
              reader.size(),
              $undefined,
              _depth + 1,
              message.sequenceType,
            );
            message.value = "sequenceType";
            continue;
          }
          case 5: {
            if (wireType !== 2) break;
            message.mapType = $root.onnx.TypeProto.Map.decode(
              reader,
              reader.size(),
              $undefined,
              _depth + 1,
              message.mapType,
            );
            message.value = "mapType";
            continue;
          }
          case 9: {
            if (wireType !== 2) break;
            message.optionalType = $root.onnx.TypeProto.Optional.decode(
              reader,
              reader.size(),
              $undefined,
              _depth + 1,
              message.optionalType,
            );
            message.value = "optionalType";
            continue;
          }
          case 8: {
            if (wireType !== 2) break;
            message.sparseTensorType = $root.onnx.TypeProto.SparseTensor.decode(
              reader,
              reader.size(),
              $undefined,
              _depth + 1,
              message.sparseTensorType,
            );
            message.value = "sparseTensorType";
            continue;
          }
          case 6: {
            if (wireType !== 2) break;
            message.denotation = reader.stringVerify();
            message._denotation = "denotation";
            continue;
          }
        }
        reader.skipType(wireType, _depth, tag);
        if (!reader.discardUnknown) {
          $util.makeProp(message, "$unknowns", false);
          (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
        }
      }
      if (length !== $undefined) {
        if (reader.pos !== end) throw $RangeError("index out of range");
        reader.len = length;
      }
      if (_end !== $undefined) throw $Error("missing end group");
      return message;
    };

    TypeProto.Tensor = (function () {
      const Tensor = function (properties) {
        if (properties)
          for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
            if (properties[keys[i]] != null && keys[i] !== "__proto__")
              this[keys[i]] = properties[keys[i]];
      };

      Tensor.prototype.elemType = null;
      Tensor.prototype.shape = null;

      let $oneOfFields;

      // Virtual OneOf for proto3 optional field
      $Object.defineProperty(Tensor.prototype, "_elemType", {
        get: $util.oneOfGetter(($oneOfFields = ["elemType"])),
        set: $util.oneOfSetter($oneOfFields),
      });

      // Virtual OneOf for proto3 optional field
      $Object.defineProperty(Tensor.prototype, "_shape", {
        get: $util.oneOfGetter(($oneOfFields = ["shape"])),
        set: $util.oneOfSetter($oneOfFields),
      });

      Tensor.encode = function (message, writer, _depth) {
        if (!writer) writer = $Writer.create();
        if (_depth === $undefined) _depth = 0;
        if (_depth > $util.recursionLimit) throw $Error("max depth exceeded");
        if (message.elemType != null && $Object.hasOwnProperty.call(message, "elemType"))
          writer.uint32(8).int32(message.elemType);
        if (message.shape != null && $Object.hasOwnProperty.call(message, "shape"))
          $root.onnx.TensorShapeProto.encode(
            message.shape,
            writer.uint32(18).fork(),
            _depth + 1,
          ).ldelim();
        if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
          for (let i = 0; i < message.$unknowns.length; ++i) writer.raw(message.$unknowns[i]);
        return writer;
      };

      Tensor.decode = function (reader, length, _end, _depth, _target) {
        if (!(reader instanceof $Reader)) reader = $Reader.create(reader);
        if (_depth === $undefined) _depth = 0;
        if (_depth > $Reader.recursionLimit) throw $Error("max depth exceeded");
        let end, message;
        if (length === $undefined) end = reader.len;
        else {
          end = reader.pos + length;
          if (end > reader.len) throw $RangeError("index out of range");
          length = reader.len;
          reader.len = end;
        }
        message = _target || new $root.onnx.TypeProto.Tensor();
        while (reader.pos < end) {
          let start = reader.pos;
          let tag = reader.tag();
          if (tag === _end) {
            _end = $undefined;
            break;
          }
          let wireType = tag & 7;
          switch ((tag >>>= 3)) {
            case 1: {
              if (wireType !== 0) break;
              message.elemType = reader.int32();
              message._elemType = "elemType";
              continue;
            }
            case 2: {
              if (wireType !== 2) break;
              message.shape = $root.onnx.TensorShapeProto.decode(
                reader,
                reader.size(),
                $undefined,
                _depth + 1,
                message.shape,
              );
              message._shape = "shape";
              continue;
            }
          }
          reader.skipType(wireType, _depth, tag);
          if (!reader.discardUnknown) {
            $util.makeProp(message, "$unknowns", false);
            (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
          }
        }
        if (length !== $undefined) {
          if (reader.pos !== end) throw $RangeError("index out of range");
          reader.len = length;
        }
        if (_end !== $undefined) throw $Error("missing end group");
        return message;
      };

      return Tensor;
    })();

    TypeProto.Sequence = (function () {
      const Sequence = function (properties) {
        if (properties)
          for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
            if (properties[keys[i]] != null && keys[i] !== "__proto__")
              this[keys[i]] = properties[keys[i]];
      };

      Sequence.prototype.elemType = null;

      let $oneOfFields;

      // Virtual OneOf for proto3 optional field
      $Object.defineProperty(Sequence.prototype, "_elemType", {
        get: $util.oneOfGetter(($oneOfFields = ["elemType"])),
        set: $util.oneOfSetter($oneOfFields),
      });

      Sequence.encode = function (message, writer, _depth) {
        if (!writer) writer = $Writer.create();
        if (_depth === $undefined) _depth = 0;
        if (_depth > $util.recursionLimit) throw $Error("max depth exceeded");
        if (message.elemType != null && $Object.hasOwnProperty.call(message, "elemType"))
          $root.onnx.TypeProto.encode(
            message.elemType,
            writer.uint32(10).fork(),
            _depth + 1,
          ).ldelim();
        if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
          for (let i = 0; i < message.$unknowns.length; ++i) writer.raw(message.$unknowns[i]);
        return writer;
      };

      Sequence.decode = function (reader, length, _end, _depth, _target) {
        if (!(reader instanceof $Reader)) reader = $Reader.create(reader);
        if (_depth === $undefined) _depth = 0;
        if (_depth > $Reader.recursionLimit) throw $Error("max depth exceeded");
        let end, message;
        if (length === $undefined) end = reader.len;
        else {
          end = reader.pos + length;
          if (end > reader.len) throw $RangeError("index out of range");
          length = reader.len;
          reader.len = end;
        }
        message = _target || new $root.onnx.TypeProto.Sequence();
        while (reader.pos < end) {
          let start = reader.pos;
          let tag = reader.tag();
          if (tag === _end) {
            _end = $undefined;
            break;
          }
          let wireType = tag & 7;
          switch ((tag >>>= 3)) {
            case 1: {
              if (wireType !== 2) break;
              message.elemType = $root.onnx.TypeProto.decode(
                reader,
                reader.size(),
                $undefined,
                _depth + 1,
                message.elemType,
              );
              message._elemType = "elemType";
              continue;
            }
          }
          reader.skipType(wireType, _depth, tag);
          if (!reader.discardUnknown) {
            $util.makeProp(message, "$unknowns", false);
            (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
          }
        }
        if (length !== $undefined) {
          if (reader.pos !== end) throw $RangeError("index out of range");
          reader.len = length;
        }
        if (_end !== $undefined) throw $Error("missing end group");
        return message;
      };

      return Sequence;
    })();

    TypeProto.Map = (function () {
      const Map = function (properties) {
        if (properties)
          for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
            if (properties[keys[i]] != null && keys[i] !== "__proto__")
              this[keys[i]] = properties[keys[i]];
      };

      Map.prototype.keyType = null;
      Map.prototype.valueType = null;

      let $oneOfFields;

      // Virtual OneOf for proto3 optional field
      $Object.defineProperty(Map.prototype, "_keyType", {
        get: $util.oneOfGetter(($oneOfFields = ["keyType"])),
        set: $util.oneOfSetter($oneOfFields),
      });

      // Virtual OneOf for proto3 optional field
      $Object.defineProperty(Map.prototype, "_valueType", {
        get: $util.oneOfGetter(($oneOfFields = ["valueType"])),
        set: $util.oneOfSetter($oneOfFields),
      });

      Map.encode = function (message, writer, _depth) {
        if (!writer) writer = $Writer.create();
        if (_depth === $undefined) _depth = 0;
        if (_depth > $util.recursionLimit) throw $Error("max depth exceeded");
        if (message.keyType != null && $Object.hasOwnProperty.call(message, "keyType"))
          writer.uint32(8).int32(message.keyType);
        if (message.valueType != null && $Object.hasOwnProperty.call(message, "valueType"))
          $root.onnx.TypeProto.encode(
            message.valueType,
            writer.uint32(18).fork(),
            _depth + 1,
          ).ldelim();
        if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
          for (let i = 0; i < message.$unknowns.length; ++i) writer.raw(message.$unknowns[i]);
        return writer;
      };

      Map.decode = function (reader, length, _end, _depth, _target) {
        if (!(reader instanceof $Reader)) reader = $Reader.create(reader);
        if (_depth === $undefined) _depth = 0;
        if (_depth > $Reader.recursionLimit) throw $Error("max depth exceeded");
        let end, message;
        if (length === $undefined) end = reader.len;
        else {
          end = reader.pos + length;
          if (end > reader.len) throw $RangeError("index out of range");
          length = reader.len;
          reader.len = end;
        }
        message = _target || new $root.onnx.TypeProto.Map();
        while (reader.pos < end) {
          let start = reader.pos;
          let tag = reader.tag();
          if (tag === _end) {
            _end = $undefined;
            break;
          }
          let wireType = tag & 7;
          switch ((tag >>>= 3)) {
            case 1: {
              if (wireType !== 0) break;
              message.keyType = reader.int32();
              message._keyType = "keyType";
              continue;
            }
            case 2: {
              if (wireType !== 2) break;
              message.valueType = $root.onnx.TypeProto.decode(
                reader,
                reader.size(),
                $undefined,
                _depth + 1,
                message.valueType,
              );
              message._valueType = "valueType";
              continue;
            }
          }
          reader.skipType(wireType, _depth, tag);
          if (!reader.discardUnknown) {
            $util.makeProp(message, "$unknowns", false);
            (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
          }
        }
        if (length !== $undefined) {
          if (reader.pos !== end) throw $RangeError("index out of range");
          reader.len = length;
        }
        if (_end !== $undefined) throw $Error("missing end group");
        return message;
      };

      return Map;
    })();

    TypeProto.Optional = (function () {
      const Optional = function (properties) {
        if (properties)
          for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
            if (properties[keys[i]] != null && keys[i] !== "__proto__")
              this[keys[i]] = properties[keys[i]];
      };

      Optional.prototype.elemType = null;

      let $oneOfFields;

      // Virtual OneOf for proto3 optional field
      $Object.defineProperty(Optional.prototype, "_elemType", {
        get: $util.oneOfGetter(($oneOfFields = ["elemType"])),
        set: $util.oneOfSetter($oneOfFields),
      });

      Optional.encode = function (message, writer, _depth) {
        if (!writer) writer = $Writer.create();
        if (_depth === $undefined) _depth = 0;
        if (_depth > $util.recursionLimit) throw $Error("max depth exceeded");
        if (message.elemType != null && $Object.hasOwnProperty.call(message, "elemType"))
          $root.onnx.TypeProto.encode(
            message.elemType,
            writer.uint32(10).fork(),
            _depth + 1,
          ).ldelim();
        if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
          for (let i = 0; i < message.$unknowns.length; ++i) writer.raw(message.$unknowns[i]);
        return writer;
      };

      Optional.decode = function (reader, length, _end, _depth, _target) {
        if (!(reader instanceof $Reader)) reader = $Reader.create(reader);
        if (_depth === $undefined) _depth = 0;
        if (_depth > $Reader.recursionLimit) throw $Error("max depth exceeded");
        let end, message;
        if (length === $undefined) end = reader.len;
        else {
          end = reader.pos + length;
          if (end > reader.len) throw $RangeError("index out of range");
          length = reader.len;
          reader.len = end;
        }
        message = _target || new $root.onnx.TypeProto.Optional();
        while (reader.pos < end) {
          let start = reader.pos;
          let tag = reader.tag();
          if (tag === _end) {
            _end = $undefined;
            break;
          }
          let wireType = tag & 7;
          switch ((tag >>>= 3)) {
            case 1: {
              if (wireType !== 2) break;
              message.elemType = $root.onnx.TypeProto.decode(
                reader,
                reader.size(),
                $undefined,
                _depth + 1,
                message.elemType,
              );
              message._elemType = "elemType";
              continue;
            }
          }
          reader.skipType(wireType, _depth, tag);
          if (!reader.discardUnknown) {
            $util.makeProp(message, "$unknowns", false);
            (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
          }
        }
        if (length !== $undefined) {
          if (reader.pos !== end) throw $RangeError("index out of range");
          reader.len = length;
        }
        if (_end !== $undefined) throw $Error("missing end group");
        return message;
      };

      return Optional;
    })();

    TypeProto.SparseTensor = (function () {
      const SparseTensor = function (properties) {
        if (properties)
          for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
            if (properties[keys[i]] != null && keys[i] !== "__proto__")
              this[keys[i]] = properties[keys[i]];
      };

      SparseTensor.prototype.elemType = null;
      SparseTensor.prototype.shape = null;

      let $oneOfFields;

      // Virtual OneOf for proto3 optional field
      $Object.defineProperty(SparseTensor.prototype, "_elemType", {
        get: $util.oneOfGetter(($oneOfFields = ["elemType"])),
        set: $util.oneOfSetter($oneOfFields),
      });

      // Virtual OneOf for proto3 optional field
      $Object.defineProperty(SparseTensor.prototype, "_shape", {
        get: $util.oneOfGetter(($oneOfFields = ["shape"])),
        set: $util.oneOfSetter($oneOfFields),
      });

      SparseTensor.encode = function (message, writer, _depth) {
        if (!writer) writer = $Writer.create();
        if (_depth === $undefined) _depth = 0;
        if (_depth > $util.recursionLimit) throw $Error("max depth exceeded");
        if (message.elemType != null && $Object.hasOwnProperty.call(message, "elemType"))
          writer.uint32(8).int32(message.elemType);
        if (message.shape != null && $Object.hasOwnProperty.call(message, "shape"))
          $root.onnx.TensorShapeProto.encode(
            message.shape,
            writer.uint32(18).fork(),
            _depth + 1,
          ).ldelim();
        if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
          for (let i = 0; i < message.$unknowns.length; ++i) writer.raw(message.$unknowns[i]);
        return writer;
      };

      SparseTensor.decode = function (reader, length, _end, _depth, _target) {
        if (!(reader instanceof $Reader)) reader = $Reader.create(reader);
        if (_depth === $undefined) _depth = 0;
        if (_depth > $Reader.recursionLimit) throw $Error("max depth exceeded");
        let end, message;
        if (length === $undefined) end = reader.len;
        else {
          end = reader.pos + length;
          if (end > reader.len) throw $RangeError("index out of range");
          length = reader.len;
          reader.len = end;
        }
        message = _target || new $root.onnx.TypeProto.SparseTensor();
        while (reader.pos < end) {
          let start = reader.pos;
          let tag = reader.tag();
          if (tag === _end) {
            _end = $undefined;
            break;
          }
          let wireType = tag & 7;
          switch ((tag >>>= 3)) {
            case 1: {
              if (wireType !== 0) break;
              message.elemType = reader.int32();
              message._elemType = "elemType";
              continue;
            }
            case 2: {
              if (wireType !== 2) break;
              message.shape = $root.onnx.TensorShapeProto.decode(
                reader,
                reader.size(),
                $undefined,
                _depth + 1,
                message.shape,
              );
              message._shape = "shape";
              continue;
            }
          }
          reader.skipType(wireType, _depth, tag);
          if (!reader.discardUnknown) {
            $util.makeProp(message, "$unknowns", false);
            (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
          }
        }
        if (length !== $undefined) {
          if (reader.pos !== end) throw $RangeError("index out of range");
          reader.len = length;
        }
        if (_end !== $undefined) throw $Error("missing end group");
        return message;
      };

      return SparseTensor;
    })();

    return TypeProto;
  })();

  onnx.OperatorSetIdProto = (function () {
    const OperatorSetIdProto = function (properties) {
      if (properties)
        for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
          if (properties[keys[i]] != null && keys[i] !== "__proto__")
            this[keys[i]] = properties[keys[i]];
    };

    OperatorSetIdProto.prototype.domain = null;
    OperatorSetIdProto.prototype.version = null;

    let $oneOfFields;

    // Virtual OneOf for proto3 optional field
    $Object.defineProperty(OperatorSetIdProto.prototype, "_domain", {
      get: $util.oneOfGetter(($oneOfFields = ["domain"])),
      set: $util.oneOfSetter($oneOfFields),
    });

    // Virtual OneOf for proto3 optional field
    $Object.defineProperty(OperatorSetIdProto.prototype, "_version", {
      get: $util.oneOfGetter(($oneOfFields = ["version"])),
      set: $util.oneOfSetter($oneOfFields),
    });

    OperatorSetIdProto.encode = function (message, writer, _depth) {
      if (!writer) writer = $Writer.create();
      if (_depth === $undefined) _depth = 0;
      if (_depth > $util.recursionLimit) throw $Error("max depth exceeded");
      if (message.domain != null && $Object.hasOwnProperty.call(message, "domain"))
        writer.uint32(10).string(message.domain);
      if (message.version != null && $Object.hasOwnProperty.call(message, "version"))
        writer.uint32(16).int64(message.version);
      if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
        for (let i = 0; i < message.$unknowns.length; ++i) writer.raw(message.$unknowns[i]);
      return writer;
    };

    OperatorSetIdProto.decode = function (reader, length, _end, _depth, _target) {
      if (!(reader instanceof $Reader)) reader = $Reader.create(reader);
      if (_depth === $undefined) _depth = 0;
      if (_depth > $Reader.recursionLimit) throw $Error("max depth exceeded");
      let end, message;
      if (length === $undefined) end = reader.len;
      else {
        end = reader.pos + length;
        if (end > reader.len) throw $RangeError("index out of range");
        length = reader.len;
        reader.len = end;
      }
      message = _target || new $root.onnx.OperatorSetIdProto();
      while (reader.pos < end) {
        let start = reader.pos;
        let tag = reader.tag();
        if (tag === _end) {
          _end = $undefined;
          break;
        }
        let wireType = tag & 7;
        switch ((tag >>>= 3)) {
          case 1: {
            if (wireType !== 2) break;
            message.domain = reader.stringVerify();
            message._domain = "domain";
            continue;
          }
          case 2: {
            if (wireType !== 0) break;
            message.version = reader.int64();
            message._version = "version";
            continue;
          }
        }
        reader.skipType(wireType, _depth, tag);
        if (!reader.discardUnknown) {
          $util.makeProp(message, "$unknowns", false);
          (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
        }
      }
      if (length !== $undefined) {
        if (reader.pos !== end) throw $RangeError("index out of range");
        reader.len = length;
      }
      if (_end !== $undefined) throw $Error("missing end group");
      return message;
    };

    return OperatorSetIdProto;
  })();

  return onnx;
})());

export { $root as default };

/** A message's encoder and decoder, as the static code above defines them. */
export interface Codec<Input, Decoded> {
  encode(message: Input): { finish(): Uint8Array };
  decode(bytes: Uint8Array): Decoded;
}

/** Every message's codec, by its name in onnx.proto (nested ones joined with _). */
export const codecs = {
  AttributeProto: onnx.AttributeProto as Codec<IAttributeProto, AttributeProto>,
  ValueInfoProto: onnx.ValueInfoProto as Codec<IValueInfoProto, ValueInfoProto>,
  NodeProto: onnx.NodeProto as Codec<INodeProto, NodeProto>,
  ModelProto: onnx.ModelProto as Codec<IModelProto, ModelProto>,
  StringStringEntryProto: onnx.StringStringEntryProto as Codec<
    IStringStringEntryProto,
    StringStringEntryProto
  >,
  GraphProto: onnx.GraphProto as Codec<IGraphProto, GraphProto>,
  TensorProto: onnx.TensorProto as Codec<ITensorProto, TensorProto>,
  TensorProto_Segment: onnx.TensorProto.Segment as Codec<ITensorProto_Segment, TensorProto_Segment>,
  SparseTensorProto: onnx.SparseTensorProto as Codec<ISparseTensorProto, SparseTensorProto>,
  TensorShapeProto: onnx.TensorShapeProto as Codec<ITensorShapeProto, TensorShapeProto>,
  TensorShapeProto_Dimension: onnx.TensorShapeProto.Dimension as Codec<
    ITensorShapeProto_Dimension,
    TensorShapeProto_Dimension
  >,
  TypeProto: onnx.TypeProto as Codec<ITypeProto, TypeProto>,
  TypeProto_Tensor: onnx.TypeProto.Tensor as Codec<ITypeProto_Tensor, TypeProto_Tensor>,
  TypeProto_Sequence: onnx.TypeProto.Sequence as Codec<ITypeProto_Sequence, TypeProto_Sequence>,
  TypeProto_Map: onnx.TypeProto.Map as Codec<ITypeProto_Map, TypeProto_Map>,
  TypeProto_Optional: onnx.TypeProto.Optional as Codec<ITypeProto_Optional, TypeProto_Optional>,
  TypeProto_SparseTensor: onnx.TypeProto.SparseTensor as Codec<
    ITypeProto_SparseTensor,
    TypeProto_SparseTensor
  >,
  OperatorSetIdProto: onnx.OperatorSetIdProto as Codec<IOperatorSetIdProto, OperatorSetIdProto>,
};

export interface IAttributeProto {
  name?: string | null;
  f?: number | null;
  i?: number | Long | null;
  s?: Uint8Array | null;
  t?: ITensorProto | null;
  g?: IGraphProto | null;
  floats?: number[] | null;
  ints?: (number | Long)[] | null;
  strings?: Uint8Array[] | null;
  tensors?: ITensorProto[] | null;
  graphs?: IGraphProto[] | null;
  docString?: string | null;
  tp?: ITypeProto | null;
  typeProtos?: ITypeProto[] | null;
  type?: number | null;
  refAttrName?: string | null;
  sparseTensor?: ISparseTensorProto | null;
  sparseTensors?: ISparseTensorProto[] | null;
}

export interface AttributeProto {
  name: string | null;
  f: number | null;
  i: number | Long | null;
  s: Uint8Array | null;
  t: TensorProto | null;
  g: GraphProto | null;
  floats: number[];
  ints: (number | Long)[];
  strings: Uint8Array[];
  tensors: TensorProto[];
  graphs: GraphProto[];
  docString: string | null;
  tp: TypeProto | null;
  typeProtos: TypeProto[];
  type: number | null;
  refAttrName: string | null;
  sparseTensor: SparseTensorProto | null;
  sparseTensors: SparseTensorProto[];
}

export interface IValueInfoProto {
  name?: string | null;
  type?: ITypeProto | null;
  docString?: string | null;
  metadataProps?: IStringStringEntryProto[] | null;
}

export interface ValueInfoProto {
  name: string | null;
  type: TypeProto | null;
  docString: string | null;
  metadataProps: StringStringEntryProto[];
}

export interface INodeProto {
  input?: string[] | null;
  output?: string[] | null;
  name?: string | null;
  opType?: string | null;
  attribute?: IAttributeProto[] | null;
  docString?: string | null;
  domain?: string | null;
  overload?: string | null;
  metadataProps?: IStringStringEntryProto[] | null;
}

export interface NodeProto {
  input: string[];
  output: string[];
  name: string | null;
  opType: string | null;
  attribute: AttributeProto[];
  docString: string | null;
  domain: string | null;
  overload: string | null;
  metadataProps: StringStringEntryProto[];
}

export interface IModelProto {
  irVersion?: number | Long | null;
  producerName?: string | null;
  producerVersion?: string | null;
  domain?: string | null;
  modelVersion?: number | Long | null;
  docString?: string | null;
  graph?: IGraphProto | null;
  opsetImport?: IOperatorSetIdProto[] | null;
  metadataProps?: IStringStringEntryProto[] | null;
}

export interface ModelProto {
  irVersion: number | Long | null;
  producerName: string | null;
  producerVersion: string | null;
  domain: string | null;
  modelVersion: number | Long | null;
  docString: string | null;
  graph: GraphProto | null;
  opsetImport: OperatorSetIdProto[];
  metadataProps: StringStringEntryProto[];
}

export interface IStringStringEntryProto {
  key?: string | null;
  value?: string | null;
}

export interface StringStringEntryProto {
  key: string | null;
  value: string | null;
}

export interface IGraphProto {
  node?: INodeProto[] | null;
  name?: string | null;
  initializer?: ITensorProto[] | null;
  docString?: string | null;
  input?: IValueInfoProto[] | null;
  output?: IValueInfoProto[] | null;
  valueInfo?: IValueInfoProto[] | null;
  sparseInitializer?: ISparseTensorProto[] | null;
  metadataProps?: IStringStringEntryProto[] | null;
}

export interface GraphProto {
  node: NodeProto[];
  name: string | null;
  initializer: TensorProto[];
  docString: string | null;
  input: ValueInfoProto[];
  output: ValueInfoProto[];
  valueInfo: ValueInfoProto[];
  sparseInitializer: SparseTensorProto[];
  metadataProps: StringStringEntryProto[];
}

export interface ITensorProto {
  dims?: (number | Long)[] | null;
  dataType?: number | null;
  segment?: ITensorProto_Segment | null;
  floatData?: number[] | null;
  int32Data?: number[] | null;
  stringData?: Uint8Array[] | null;
  int64Data?: (number | Long)[] | null;
  name?: string | null;
  rawData?: Uint8Array | null;
  doubleData?: number[] | null;
  uint64Data?: (number | Long)[] | null;
  docString?: string | null;
  externalData?: IStringStringEntryProto[] | null;
  dataLocation?: number | null;
  metadataProps?: IStringStringEntryProto[] | null;
}

export interface TensorProto {
  dims: (number | Long)[];
  dataType: number | null;
  segment: TensorProto_Segment | null;
  floatData: number[];
  int32Data: number[];
  stringData: Uint8Array[];
  int64Data: (number | Long)[];
  name: string | null;
  rawData: Uint8Array | null;
  doubleData: number[];
  uint64Data: (number | Long)[];
  docString: string | null;
  externalData: StringStringEntryProto[];
  dataLocation: number | null;
  metadataProps: StringStringEntryProto[];
}

export interface ITensorProto_Segment {
  begin?: number | Long | null;
  end?: number | Long | null;
}

export interface TensorProto_Segment {
  begin: number | Long | null;
  end: number | Long | null;
}

export interface ISparseTensorProto {
  values?: ITensorProto | null;
  indices?: ITensorProto | null;
  dims?: (number | Long)[] | null;
}

export interface SparseTensorProto {
  values: TensorProto | null;
  indices: TensorProto | null;
  dims: (number | Long)[];
}

export interface ITensorShapeProto {
  dim?: ITensorShapeProto_Dimension[] | null;
}

export interface TensorShapeProto {
  dim: TensorShapeProto_Dimension[];
}

export interface ITensorShapeProto_Dimension {
  dimValue?: number | Long | null;
  dimParam?: string | null;
  denotation?: string | null;
}

export interface TensorShapeProto_Dimension {
  dimValue: number | Long | null;
  dimParam: string | null;
  denotation: string | null;
}

export interface ITypeProto {
  tensorType?: ITypeProto_Tensor | null;
  sequenceType?: ITypeProto_Sequence | null;
  mapType?: ITypeProto_Map | null;
  denotation?: string | null;
  sparseTensorType?: ITypeProto_SparseTensor | null;
  optionalType?: ITypeProto_Optional | null;
}

export interface TypeProto {
  tensorType: TypeProto_Tensor | null;
  sequenceType: TypeProto_Sequence | null;
  mapType: TypeProto_Map | null;
  denotation: string | null;
  sparseTensorType: TypeProto_SparseTensor | null;
  optionalType: TypeProto_Optional | null;
}

export interface ITypeProto_Tensor {
  elemType?: number | null;
  shape?: ITensorShapeProto | null;
}

export interface TypeProto_Tensor {
  elemType: number | null;
  shape: TensorShapeProto | null;
}

export interface ITypeProto_Sequence {
  elemType?: ITypeProto | null;
}

export interface TypeProto_Sequence {
  elemType: TypeProto | null;
}

export interface ITypeProto_Map {
  keyType?: number | null;
  valueType?: ITypeProto | null;
}

export interface TypeProto_Map {
  keyType: number | null;
  valueType: TypeProto | null;
}

export interface ITypeProto_Optional {
  elemType?: ITypeProto | null;
}

export interface TypeProto_Optional {
  elemType: TypeProto | null;
}

export interface ITypeProto_SparseTensor {
  elemType?: number | null;
  shape?: ITensorShapeProto | null;
}

export interface TypeProto_SparseTensor {
  elemType: number | null;
  shape: TensorShapeProto | null;
}

export interface IOperatorSetIdProto {
  domain?: string | null;
  version?: number | Long | null;
}

export interface OperatorSetIdProto {
  domain: string | null;
  version: number | Long | null;
}

export const AttributeProto_AttributeType = {
  UNDEFINED: 0,
  FLOAT: 1,
  INT: 2,
  STRING: 3,
  TENSOR: 4,
  GRAPH: 5,
  SPARSE_TENSOR: 11,
  TYPE_PROTO: 13,
  FLOATS: 6,
  INTS: 7,
  STRINGS: 8,
  TENSORS: 9,
  GRAPHS: 10,
  SPARSE_TENSORS: 12,
  TYPE_PROTOS: 14,
} as const;

export const TensorProto_DataType = {
  UNDEFINED: 0,
  FLOAT: 1,
  UINT8: 2,
  INT8: 3,
  UINT16: 4,
  INT16: 5,
  INT32: 6,
  INT64: 7,
  STRING: 8,
  BOOL: 9,
  FLOAT16: 10,
  DOUBLE: 11,
  UINT32: 12,
  UINT64: 13,
  COMPLEX64: 14,
  COMPLEX128: 15,
  BFLOAT16: 16,
  FLOAT8E4M3FN: 17,
  FLOAT8E4M3FNUZ: 18,
  FLOAT8E5M2: 19,
  FLOAT8E5M2FNUZ: 20,
  UINT4: 21,
  INT4: 22,
  FLOAT4E2M1: 23,
} as const;

export const TensorProto_DataLocation = {
  DEFAULT: 0,
  EXTERNAL: 1,
} as const;
