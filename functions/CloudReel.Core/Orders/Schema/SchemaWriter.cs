using System.Text.Json;

namespace CloudReel.Core.Orders;

/// <summary>Writes <see cref="FieldType"/>s as JSON Schema keywords; named types go to <c>$defs</c> once.</summary>
internal sealed class SchemaWriter(Utf8JsonWriter writer)
{
    private const string PlaceholderDef = "placeholder";

    private readonly List<FieldType> _defs = [];

    public void WriteRoot(ObjectType root)
    {
        writer.WriteStartObject();
        writer.WriteString("$schema", "https://json-schema.org/draft/2020-12/schema");
        writer.WriteString("$id", OrderSchema.Id);
        writer.WriteString("title", "CloudReel film order");
        WriteKeywords(root, root.Description, defaultValue: null);
        writer.WriteStartObject("$defs");
        for (var i = 0; i < _defs.Count; i++)
        {
            writer.WritePropertyName(_defs[i].DefName!);
            writer.WriteStartObject();
            WriteKeywords(_defs[i], _defs[i].Description, defaultValue: null);
            writer.WriteEndObject();
        }
        writer.WriteStartObject(PlaceholderDef);
        writer.WriteString("description", "In a template: a {{ variable }} placeholder that each row of data fills; it may stand for any value.");
        writer.WriteString("type", "string");
        writer.WriteString("pattern", OrderFormat.AnyPlaceholder);
        writer.WriteEndObject();
        writer.WriteEndObject();
        writer.WriteEndObject();
    }

    /// <param name="type">The field's type.</param>
    /// <param name="description">What the field is.</param>
    /// <param name="defaultValue">Its default, if any.</param>
    /// <param name="placeholders">A template's "{{ … }}" may stand for the value (not for each form of a one-of: the one-of as a whole takes it).</param>
    private void WriteSchema(FieldType type, string? description, object? defaultValue, bool placeholders = true)
    {
        writer.WriteStartObject();
        if (type.DefName is { } name)
        {
            if (!_defs.Contains(type)) _defs.Add(type);
            writer.WriteString("$ref", "#/$defs/" + name);
            WriteAnnotations(description, defaultValue);
        }
        else if (placeholders && TakesPlaceholder(type))
        {
            WriteAnnotations(description ?? type.Description, defaultValue);
            writer.WriteStartArray("anyOf");
            writer.WriteStartObject();
            WriteKeywords(type, null, null);
            writer.WriteEndObject();
            writer.WriteStartObject();
            writer.WriteString("$ref", "#/$defs/" + PlaceholderDef);
            writer.WriteEndObject();
            writer.WriteEndArray();
        }
        else
        {
            WriteKeywords(type, description ?? type.Description, defaultValue);
        }
        writer.WriteEndObject();
    }

    /// <summary>Values a template's placeholder text could not pass as they are: numbers, true/false, names, paths, patterned text, lists of these.</summary>
    private static bool TakesPlaceholder(FieldType type) => type switch
    {
        NumberType or BooleanType or ChoiceType or PathType or OneOfType => true,
        TextType text => text.Pattern is not null,
        ListType list => list.Item is not (ObjectType or MapType) && list.Item.DefName is null,
        _ => false,
    };

    private void WriteAnnotations(string? description, object? defaultValue)
    {
        if (description is not null) writer.WriteString("description", description);
        if (defaultValue is not null)
        {
            writer.WritePropertyName("default");
            WriteValue(defaultValue);
        }
    }

    private void WriteKeywords(FieldType type, string? description, object? defaultValue)
    {
        WriteAnnotations(description, defaultValue);
        switch (type)
        {
            case TextType text:
                writer.WriteString("type", "string");
                if (text.MinLength > 0) writer.WriteNumber("minLength", text.MinLength);
                if (text.MaxLength is { } max) writer.WriteNumber("maxLength", max);
                if (text.Pattern is not null) writer.WriteString("pattern", text.Pattern);
                break;
            case PathType path:
                writer.WriteString("type", "string");
                writer.WriteNumber("maxLength", path.MaxTextLength);
                writer.WriteString("pattern", path.Pattern);
                break;
            case ChoiceType choice:
                writer.WriteString("type", "string");
                writer.WritePropertyName("enum");
                WriteValue(choice.Values);
                break;
            case NumberType number:
                WriteNumberKeywords(number);
                break;
            case BooleanType:
                writer.WriteString("type", "boolean");
                break;
            case ListType list:
                WriteListKeywords(list);
                break;
            case MapType map:
                writer.WriteString("type", "object");
                if (map.MinEntries > 0) writer.WriteNumber("minProperties", map.MinEntries);
                writer.WritePropertyName("propertyNames");
                WriteSchema(map.Key, null, null);
                writer.WritePropertyName("additionalProperties");
                WriteSchema(map.Value, null, null);
                break;
            case ObjectType obj:
                WriteObjectKeywords(obj);
                break;
            case OneOfType oneOf:
                writer.WriteStartArray("oneOf");
                foreach (var form in oneOf.Forms) WriteSchema(form, null, null, placeholders: false);
                writer.WriteEndArray();
                break;
        }
    }

    private void WriteNumberKeywords(NumberType number)
    {
        writer.WriteString("type", number.Integer ? "integer" : "number");
        if (number.Values is { } values)
        {
            writer.WritePropertyName("enum");
            WriteValue(values);
            return;
        }
        if (number.Minimum is { } minimum) WriteNumber("minimum", minimum);
        if (number.ExclusiveMinimum is { } exclusiveMinimum) WriteNumber("exclusiveMinimum", exclusiveMinimum);
        if (number.Maximum is { } maximum) WriteNumber("maximum", maximum);
    }

    private void WriteListKeywords(ListType list)
    {
        writer.WriteString("type", "array");
        writer.WritePropertyName("items");
        WriteSchema(list.Item, null, null);
        if (list.MinItems > 0) writer.WriteNumber("minItems", list.MinItems);
        if (list.MaxItems is { } max) writer.WriteNumber("maxItems", max);
        if (list.Unique) writer.WriteBoolean("uniqueItems", true);
    }

    private void WriteObjectKeywords(ObjectType obj)
    {
        writer.WriteString("type", "object");
        writer.WriteBoolean("additionalProperties", false);
        var required = obj.Fields.Where(f => f.Required).Select(f => f.Name).ToList();
        if (required.Count > 0)
        {
            writer.WritePropertyName("required");
            WriteValue(required);
        }
        writer.WriteStartObject("properties");
        foreach (var field in obj.Fields)
        {
            writer.WritePropertyName(field.Name);
            WriteSchema(field.Type, field.Description, field.Default);
        }
        writer.WriteEndObject();
        if (obj.ExactlyOneOf is { } exactlyOne)
        {
            writer.WriteStartArray("oneOf");
            foreach (var name in exactlyOne) WriteRequired(name);
            writer.WriteEndArray();
        }
        foreach (var field in obj.Fields.Where(f => f.RequiredUnless is not null))
        {
            writer.WriteStartArray("anyOf");
            WriteRequired(field.Name);
            WriteRequired(field.RequiredUnless!);
            writer.WriteEndArray();
        }
        var conditional = obj.Fields.Where(f => f.OnlyWith is not null || f.NotWith is not null).ToList();
        if (conditional.Count == 0) return;
        writer.WriteStartObject("dependentSchemas");
        foreach (var field in conditional)
        {
            writer.WriteStartObject(field.Name);
            if (field.OnlyWith is { } onlyWith)
            {
                writer.WriteStartArray("anyOf");
                foreach (var other in onlyWith) WriteRequired(other);
                writer.WriteEndArray();
            }
            if (field.NotWith is { } notWith)
            {
                writer.WriteStartObject("not");
                writer.WriteStartArray("anyOf");
                foreach (var other in notWith) WriteRequired(other);
                writer.WriteEndArray();
                writer.WriteEndObject();
            }
            writer.WriteEndObject();
        }
        writer.WriteEndObject();
    }

    private void WriteRequired(string name)
    {
        writer.WriteStartObject();
        writer.WriteStartArray("required");
        writer.WriteStringValue(name);
        writer.WriteEndArray();
        writer.WriteEndObject();
    }

    private void WriteValue(object value)
    {
        switch (value)
        {
            case string text:
                writer.WriteStringValue(text);
                break;
            case bool flag:
                writer.WriteBooleanValue(flag);
                break;
            case int or long or double:
                WriteNumber(null, Convert.ToDouble(value, System.Globalization.CultureInfo.InvariantCulture));
                break;
            case System.Collections.IEnumerable items:
                writer.WriteStartArray();
                foreach (var item in items) WriteValue(item);
                writer.WriteEndArray();
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(value), value, "no JSON form for this default");
        }
    }

    private void WriteNumber(string? name, double value)
    {
        if (name is not null) writer.WritePropertyName(name);
        if (value == Math.Floor(value) && Math.Abs(value) < 1e15) writer.WriteNumberValue((long)value);
        else writer.WriteNumberValue(value);
    }
}
