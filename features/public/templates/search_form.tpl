{{%AUTOESCAPE context="HTML"}}<form method="get" action="/xa" class="inline search" role="search" novalidate>
    {{#HAS_FOR}}<input type="hidden" name="cho" value="{{FOR}}">{{/HAS_FOR}}
    <div class="field{{#TEN_INVALID}} field-invalid{{/TEN_INVALID}}">
      <label for="ten">Tên xã, phường</label>
      <p class="hint" id="ten-hint">Gõ có dấu hoặc không dấu, ví dụ: tan hung hoặc Tân Hưng.</p>
      {{#TEN_INVALID}}<p class="field-error" id="ten-error"><span class="visually-hidden">Lỗi: </span>{{TEN_ERROR}}</p>{{/TEN_INVALID}}
      <input id="ten" name="ten" type="search" maxlength="60" autocomplete="off" spellcheck="false" value="{{QUERY}}" aria-describedby="ten-hint{{#TEN_INVALID}} ten-error{{/TEN_INVALID}}"{{#TEN_INVALID}} aria-invalid="true"{{/TEN_INVALID}}>
    </div>
    <button type="submit">Tìm</button>
  </form>
