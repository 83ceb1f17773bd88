namespace Conversations.Grains.BusinessNumbers;

/// <summary>A business number as Meta displays it ("15550783881", "+1 555-078-3881"), compared by its digits.</summary>
public static class DisplayPhoneNumbers
{
    /// <summary>The digits, or null when the text holds anything but digits, '+', spaces and dashes, or not 5 to 20 digits.</summary>
    public static string? Normalize(string? text)
    {
        if (text is null || text.Any(c => !char.IsAsciiDigit(c) && c is not ('+' or ' ' or '-')))
        {
            return null;
        }

        var digits = new string([.. text.Where(char.IsAsciiDigit)]);
        return digits.Length is >= 5 and <= 20 ? digits : null;
    }
}
